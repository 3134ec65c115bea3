package org.openetp.billing;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code openetp.billing.*}: the platform's own requisites printed on every invoice (the seller), the shared secret
 * that signs payment-provider callbacks (unset: the callback endpoint is off), and how long before its end a
 * subscription's administrators are warned.
 */
@ConfigurationProperties("openetp.billing")
public record BillingProperties(String platformName, String platformTaxId, String platformAddress,
        String platformBank, String platformAccount, @Nullable String callbackSecret, Duration expiryNotice) {

    // Unset properties arrive as null and get the demo defaults here, so the accessors never answer null.

    public BillingProperties {
        platformName = orDefault(platformName, "OpenETP Operator (demo)");
        platformTaxId = orDefault(platformTaxId, "0000000000");
        platformAddress = orDefault(platformAddress, "Demo address: set OPENETP_BILLING_PLATFORM_ADDRESS");
        platformBank = orDefault(platformBank, "Demo Bank, BIC 000000000");
        platformAccount = orDefault(platformAccount, "00000000000000000000");
        callbackSecret = callbackSecret == null || callbackSecret.isBlank() ? null : callbackSecret;
        expiryNotice = expiryNotice == null || expiryNotice.isNegative() || expiryNotice.isZero()
                ? Duration.ofDays(3) : expiryNotice;
    }

    private static String orDefault(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
