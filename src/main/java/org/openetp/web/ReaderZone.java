package org.openetp.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.ZoneId;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The time zone of whoever reads the page being rendered: the signed-in user's own, else the server's. Looked up
 * once per request (a page shows many dates) and never kept longer, so a change on the account page shows at once.
 */
@Component
class ReaderZone {

    private static final String ATTRIBUTE = ReaderZone.class.getName();

    private final Identity identity;
    private final Clock clock;

    ReaderZone(Identity identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    /** The server's zone: the platform clock's, in which deadlines are kept and "server time" is shown. */
    ZoneId server() {
        return clock.getZone();
    }

    ZoneId zone() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return server();
        }
        HttpServletRequest request = attributes.getRequest();
        if (request.getAttribute(ATTRIBUTE) instanceof ZoneId known) {
            return known;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        ZoneId zone = authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                ? identity.timeZone(user.id()).orElse(server()) : server();
        request.setAttribute(ATTRIBUTE, zone);
        return zone;
    }
}
