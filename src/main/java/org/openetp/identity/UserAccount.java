package org.openetp.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user account and its rule of logging in: confirmation before the first login. Failed logins are counted apart,
 * per account and client address ({@link LoginFailures}).
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
    private final long version;

    UserAccount(UserId id, String email, String fullName, String phone, String position, String passwordHash,
            @Nullable String locale, boolean operator, @Nullable Instant emailConfirmedAt, long version) {
        this.id = id;
        this.email = email;
        this.fullName = fullName;
        this.phone = phone;
        this.position = position;
        this.passwordHash = passwordHash;
        this.locale = locale;
        this.operator = operator;
        this.emailConfirmedAt = emailConfirmedAt;
        this.version = version;
    }

    boolean confirmed() {
        return emailConfirmedAt != null;
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
    long version() { return version; }
}
