package org.openetp.shared;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The platform's public address for links in e-mails ({@code OPENETP_BASE_URL}). Read on each use, because the
 * default names the port the server actually bound, which is known only once it has started.
 */
@Component
public class PublicUrl {

    private final Environment environment;

    PublicUrl(Environment environment) {
        this.environment = environment;
    }

    /** An absolute link to {@code path} (which starts with a slash). */
    public String to(String path) {
        String base = environment.getProperty("openetp.base-url", "http://localhost:8080");
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
