package org.openetp.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A password login was refused; the reason decides the answer (401, 403 for unconfirmed, 429 when locked). */
public class LoginRefusedException extends RuntimeException {

    /** Why the login was refused. */
    public enum Reason { BAD_CREDENTIALS, UNCONFIRMED, LOCKED }

    private final Reason reason;
    private final @Nullable Instant lockedUntil;

    public LoginRefusedException(Reason reason, @Nullable Instant lockedUntil) {
        super(reason.name());
        this.reason = reason;
        this.lockedUntil = lockedUntil;
    }

    public Reason reason() {
        return reason;
    }

    public @Nullable Instant lockedUntil() {
        return lockedUntil;
    }
}
