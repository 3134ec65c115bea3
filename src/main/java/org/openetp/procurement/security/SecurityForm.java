package org.openetp.procurement.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a bid's security is given (SPEC §4.5). The names are the stored {@code bid.security_form} values and the API's
 * wire values, so they must not be renamed.
 */
public enum SecurityForm {
    /** Money blocked on the supplier's ledger account. */
    DEPOSIT,
    /** A bank's guarantee, checked by the operator before the bid may be admitted. */
    BANK_GUARANTEE;

    /** The form a bidder named, or empty for anything else (the caller answers 400 with the field). */
    public static Optional<SecurityForm> named(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst();
    }
}
