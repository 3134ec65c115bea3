package org.openetp.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.List;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.openetp.identity.LoginRefusedException;
import org.openetp.shared.web.ClientAddresses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Two chains: {@code /api/**} is stateless and takes personal API tokens (Bearer), answering 401/403 as problem
 * JSON; everything else is the browser UI with form login, database-backed sessions and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The Spring Security view of an authenticated user: the principal is {@link CurrentUser}. */
    static Authentication authenticated(CurrentUser user) {
        List<GrantedAuthority> authorities = user.operator()
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_OPERATOR"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    /**
     * No tracing spans around each security filter: with Micrometer present, Spring Security wraps every filter of
     * every request in observations, a tenth of a live bid's CPU in the auction benchmark (docs/scaling.md). Each
     * request is still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Health is open for load balancers; metrics and the Prometheus scrape are the operator's (a scraper sends an
     * operator's API token as Bearer, a signed-in operator's browser session works too).
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, Identity identity, ProblemWriter problems) throws Exception {
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new BearerTokenFilter(identity, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("OPERATOR"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                problems.write(req, res, HttpServletResponse.SC_UNAUTHORIZED, "auth.required"))
                        .accessDeniedHandler((req, res, ex) ->
                                problems.write(req, res, HttpServletResponse.SC_FORBIDDEN, "auth.forbidden")));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Identity identity, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(identity, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/registrations", "/api/v1/tokens",
                                "/api/v1/login-links", "/api/v1/login-links/use").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/classifier/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/procedures/mine").authenticated()
                        // The catalogue, open procedures and their protocols are public (SPEC §4.2, §5.8).
                        .requestMatchers(HttpMethod.GET, "/api/v1/procedures", "/api/v1/procedures/*",
                                "/api/v1/procedures/*/protocols/*", "/api/v1/procedures/*/documents",
                                "/api/v1/procedures/*/documents/**", "/api/v1/procedures/*/questions").permitAll()
                        // The receipt certificate and public signed documents (protocols) are checked by anyone.
                        .requestMatchers(HttpMethod.GET, "/api/v1/signature/platform-certificate",
                                "/api/v1/signature/canonical", "/api/v1/signatures/*/verification").permitAll()
                        // Tariffs and free participation rules are public (SPEC §4.1, §4.2); the payment provider's
                        // callback carries no token but an HMAC signature, which billing checks.
                        // Anyone who may see the procedure may watch its auctions (Auctions checks that).
                        .requestMatchers(HttpMethod.GET, "/api/v1/auctions/*", "/api/v1/auctions/*/events",
                                "/api/v1/auctions/*/replay", "/api/v1/auctions/*/log", "/api/v1/auctions/*/protocol",
                                "/api/v1/auctions/*/protocol.pdf").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/tariffs", "/api/v1/free-participation-rules")
                        .permitAll()
                        // Open data (SPEC §9): the OCDS feed, records and bulk files are public.
                        .requestMatchers(HttpMethod.GET, "/api/v1/ocds/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/payments/callback").permitAll()
                        .requestMatchers("/api/v1/dev/**").permitAll()
                        // Signed audit checkpoints are published for anyone to keep (docs/audit.md).
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/checkpoints",
                                "/api/v1/audit/checkpoints/latest").permitAll()
                        .requestMatchers("/api/v1/operator/**", "/api/v1/audit/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                problems.write(req, res, HttpServletResponse.SC_UNAUTHORIZED, "auth.required"))
                        .accessDeniedHandler((req, res, ex) ->
                                problems.write(req, res, HttpServletResponse.SC_FORBIDDEN, "auth.forbidden")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http, LocaleFromUser localeFromUser, ClientAddresses clients)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/procedures/mine", "/procedures/new").authenticated()
                        .requestMatchers(HttpMethod.GET, "/procedures", "/procedures/*",
                                "/procedures/*/documents/**", "/procedures/*/protocols/*", "/signatures/*", "/tariffs",
                                "/auctions/*",
                                "/auctions/*/panel", "/open-data", "/open-data/**").permitAll()
                        .requestMatchers("/", "/login", "/login/link", "/login/link/request", "/register", "/confirm",
                                "/confirm/resend", "/classifier/**",
                                "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error", "/error/**",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/dev/mail").permitAll()
                        .requestMatchers("/operator/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .authenticationDetailsSource(request -> new LoginClient(clients.of(request)))
                        .successHandler(localeFromUser)
                        .failureHandler(loginFailure()))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    /** Password login for the browser through the identity module's rules (throttling, lock-out, confirmation). */
    @Bean
    AuthenticationProvider passwordAuthenticationProvider(Identity identity) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                String email = authentication.getName();
                String password = String.valueOf(authentication.getCredentials());
                try {
                    String client = authentication.getDetails() instanceof LoginClient c ? c.address() : "unknown";
                    return authenticated(identity.authenticate(email, password, client));
                } catch (LoginRefusedException e) {
                    throw switch (e.reason()) {
                        case BAD_CREDENTIALS -> new BadCredentialsException("bad");
                        case LOCKED -> new LockedException("locked");
                        case UNCONFIRMED -> new DisabledException("unconfirmed");
                    };
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    /**
     * The client address a form login came from, as the trusted-proxy rules resolve it. Spring Security copies it
     * into the signed-in authentication's details, which the JDBC session stores serialized.
     */
    record LoginClient(String address) implements Serializable {
    }

    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> {
            String reason = exception instanceof LockedException ? "locked"
                    : exception instanceof DisabledException ? "unconfirmed" : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }
}
