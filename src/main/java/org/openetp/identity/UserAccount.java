package org.openetp.identity;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user account and the rules of logging in with it: confirmation before the first login, and a temporary lock
 * after too many consecutive wrong passwords.
 */
final class UserAccount {

    private final UserId id;
    private final String email;
    private final String fullName;
    private final String phone;
    private final String position;
    private final String passwordHash;
    private @Nullable String locale;
    private final boolean operator;
    private @Nullable Instant emailConfirmedAt;
    private int failedLogins;
    private @Nullable Instant lockedUntil;
    private final long version;

    UserAccount(UserId id, String email, String fullName, String phone, String position, String passwordHash,
            @Nullable String locale, boolean operator, @Nullable Instant emailConfirmedAt, int failedLogins,
            @Nullable Instant lockedUntil, long version) {
        this.id = id;
        this.email = email;
        this.fullName = fullName;
        this.phone = phone;
        this.position = position;
        this.passwordHash = passwordHash;
        this.locale = locale;
        this.operator = operator;
        this.emailConfirmedAt = emailConfirmedAt;
        this.failedLogins = failedLogins;
        this.lockedUntil = lockedUntil;
        this.version = version;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    boolean confirmed() {
        return emailConfirmedAt != null;
    }

    /** Counts a wrong password; returns true when this failure locks the account. */
    boolean recordFailedLogin(Instant now, int maxFailures, Duration lockout) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            failedLogins = 0;
            lockedUntil = now.plus(lockout);
            return true;
        }
        return false;
    }

    void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    /** Confirms the e-mail address; confirming twice keeps the first time. */
    void confirmEmail(Instant now) {
        if (emailConfirmedAt == null) {
            emailConfirmedAt = now;
        }
    }

    void changeLocale(String newLocale) {
        this.locale = newLocale;
    }

    CurrentUser asCurrentUser() {
        return new CurrentUser(id, email, fullName, operator, locale);
    }

    UserSummary summary() {
        return new UserSummary(id, email, fullName, phone, position, confirmed(), operator, locale);
    }

    UserId id() { return id; }
    String email() { return email; }
    String fullName() { return fullName; }
    String phone() { return phone; }
    String position() { return position; }
    String passwordHash() { return passwordHash; }
    @Nullable String locale() { return locale; }
    boolean operator() { return operator; }
    @Nullable Instant emailConfirmedAt() { return emailConfirmedAt; }
    int failedLogins() { return failedLogins; }
    @Nullable Instant lockedUntil() { return lockedUntil; }
    long version() { return version; }
}
