package org.openetp.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openetp.shared.PublicUrl;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.mail.Mail;
import org.openetp.shared.mail.Mailer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time sign-in links by e-mail: the owner of an account gets in even while some client is locked out of it by
 * failed passwords. A link is stored only as its SHA-256, expires soon and works once.
 */
@Service
public class LoginLinks {

    /** At most this many links per account within one lock-out period, so the form cannot flood a mailbox. */
    static final int MAX_LINKS_PER_PERIOD = 3;

    private final UserAccounts users;
    private final LoginFailures failures;
    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IdentityProperties properties;
    private final PublicUrl publicUrl;

    LoginLinks(UserAccounts users, LoginFailures failures, JdbcClient jdbc, Mailer mailer, MessageSource messages,
            ApplicationEventPublisher events, Clock clock, IdentityProperties properties, PublicUrl publicUrl) {
        this.users = users;
        this.failures = failures;
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.publicUrl = publicUrl;
    }

    /**
     * Mails a sign-in link to a confirmed account with this e-mail; silent for any other e-mail, so the answer does
     * not tell which e-mails have accounts.
     */
    @Transactional
    public void request(String email) {
        if (Identity.plausibleEmail(email)) {
            users.findByEmail(email).filter(UserAccount::confirmed).ifPresent(this::send);
        }
    }

    private void send(UserAccount account) {
        Instant now = clock.instant();
        long recent = jdbc.sql("SELECT count(*) FROM login_link WHERE user_id = :user AND created_at > :since")
                .param("user", account.id().value()).param("since", Timestamp.from(now.minus(properties.lockout())))
                .query(Long.class).single();
        if (recent >= MAX_LINKS_PER_PERIOD) {
            return;
        }
        String token = Secrets.newSecret();
        jdbc.sql("""
                INSERT INTO login_link (token_hash, user_id, created_at, expires_at)
                VALUES (:hash, :user, :at, :expires)
                """)
                .param("hash", Secrets.sha256(token)).param("user", account.id().value())
                .param("at", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(properties.loginLinkValidity())))
                .update();
        String link = publicUrl.to("/login/link?token=" + token);
        Locale locale = account.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(account.locale());
        String subject = messages.getMessage("mail.loginLink.subject", null, locale);
        String body = messages.getMessage("mail.loginLink.body", new Object[] {account.fullName(), link,
                properties.loginLinkValidity().toMinutes()}, locale);
        mailer.send(new Mail(account.email(), subject, body, List.of(link)));
    }

    /**
     * Signs in with a link: it must be known, unused and unexpired, and then it is used up. The client's failed
     * passwords for the account are forgotten, since the owner has just proven who they are.
     */
    @Transactional
    public CurrentUser use(String token, String client) {
        record Link(UUID user, Instant expiresAt, boolean used) {
        }
        String hash = Secrets.sha256(token);
        Link link = jdbc.sql("""
                SELECT user_id, expires_at, used_at IS NOT NULL AS used FROM login_link
                WHERE token_hash = :hash FOR UPDATE
                """)
                .param("hash", hash)
                .query((rs, n) -> new Link(rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("used")))
                .optional()
                .orElseThrow(() -> new RuleViolationException("loginLink.invalid"));
        Instant now = clock.instant();
        if (link.used()) {
            throw new RuleViolationException("loginLink.used");
        }
        if (!now.isBefore(link.expiresAt())) {
            throw new RuleViolationException("loginLink.expired");
        }
        jdbc.sql("UPDATE login_link SET used_at = :at WHERE token_hash = :hash")
                .param("at", Timestamp.from(now)).param("hash", hash).update();
        UserAccount account = users.findById(new UserId(link.user())).orElseThrow();
        failures.clear(Identity.accountKey(account.email()), client);
        events.publishEvent(new SignedInByLink(account.id(), client, now));
        return account.asCurrentUser();
    }
}
