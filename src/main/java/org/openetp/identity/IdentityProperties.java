package org.openetp.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Login throttling, confirmation and sign-in link settings ({@code openetp.security.*}). */
@ConfigurationProperties("openetp.security")
record IdentityProperties(int maxFailedLogins, Duration lockout, Duration confirmationValidity,
        Duration loginLinkValidity) {
}
