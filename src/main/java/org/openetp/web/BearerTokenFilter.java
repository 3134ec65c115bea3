package org.openetp.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>}; a token that is unknown or revoked is a 401 at once. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final Identity identity;
    private final ProblemWriter problems;

    BearerTokenFilter(Identity identity, ProblemWriter problems) {
        this.identity = identity;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<CurrentUser> user = identity.authenticateToken(header.substring(7).trim());
            if (user.isEmpty()) {
                problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "auth.token.invalid");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(SecurityConfiguration.authenticated(user.get()));
        }
        chain.doFilter(request, response);
    }
}
