package org.openetp.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Login throttling and confirmation settings ({@code openetp.security.*}). */
@ConfigurationProperties("openetp.security")
record IdentityProperties(int maxFailedLogins, Duration lockout, Duration confirmationValidity) {
}
