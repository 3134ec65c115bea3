package org.openetp.signature;

import org.openetp.shared.InvalidInputException;

/**
 * A certificate or a signature broke a rule: 400 naming it. {@code reason} is the message key of the rule
 * ({@code certificate.*} or {@code signature.*}); {@code field} is the input it concerns.
 */
public class SignatureRefusedException extends InvalidInputException {

    private final String reason;

    public SignatureRefusedException(String field, String reason) {
        super(field, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
