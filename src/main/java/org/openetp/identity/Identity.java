package org.openetp.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.ConflictException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.PublicUrl;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.mail.Mail;
import org.openetp.shared.mail.Mailer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's API: accounts, e-mail confirmation, password login rules and personal API tokens. */
@Service
public class Identity {

    /** Shortest password accepted; longer passphrases are encouraged by the form. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final UserAccounts users;
    private final LoginFailures failures;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Mailer mailer;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IdentityProperties properties;
    private final PublicUrl publicUrl;
    private final String dummyHash;
    // Token → user, so a Bearer call does not cost a database round trip; revocation evicts the entry at once.
    private final Cache<String, Optional<CurrentUser>> tokenCache = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(5)).build();

    Identity(UserAccounts users, LoginFailures failures, JdbcClient jdbc, PasswordEncoder passwords, Mailer mailer,
            MessageSource messages, ApplicationEventPublisher events, Clock clock, IdentityProperties properties,
            PublicUrl publicUrl) {
        this.users = users;
        this.failures = failures;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.mailer = mailer;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.dummyHash = passwords.encode(Secrets.newSecret());
        this.publicUrl = publicUrl;
    }

    /** Whether an account with this e-mail (any case) exists. */
    @Transactional(readOnly = true)
    public boolean emailTaken(String email) {
        return users.emailTaken(email);
    }

    /** Creates an unconfirmed account and mails its one-time confirmation link; 409 when the e-mail is used. */
    @Transactional
    public UserId register(NewUser user) {
        UserAccount account = create(user, false, false);
        sendConfirmation(account);
        return account.id();
    }

    /** Creates an account that needs no confirmation (demo data, operators created from configuration). */
    @Transactional
    public UserId registerConfirmed(NewUser user, boolean operator) {
        return create(user, true, operator).id();
    }

    private UserAccount create(NewUser user, boolean confirmed, boolean operator) {
        if (user.password().length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("user.password", "registration.password.short");
        }
        if (users.emailTaken(user.email())) {
            throw new ConflictException("user.email", "registration.email.taken");
        }
        Instant now = clock.instant();
        UserAccount account = new UserAccount(UserId.random(), user.email().trim(), user.fullName().trim(),
                user.phone().trim(), user.position().trim(), passwords.encode(user.password()), user.locale(),
                operator, confirmed ? now : null, 0);
        try {
            users.insert(account, now);
        } catch (DuplicateKeyException raceWithAnotherRegistration) {
            throw new ConflictException("user.email", "registration.email.taken");
        }
        events.publishEvent(new UserRegistered(account.id(), account.email(), now));
        return account;
    }

    private void sendConfirmation(UserAccount account) {
        String token = Secrets.newSecret();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO email_confirmation (token_hash, user_id, expires_at)
                VALUES (:hash, :user, :expires)
                """)
                .param("hash", Secrets.sha256(token))
                .param("user", account.id().value())
                .param("expires", java.sql.Timestamp.from(now.plus(properties.confirmationValidity())))
                .update();
        String link = publicUrl.to("/confirm?token=" + token);
        Locale locale = account.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(account.locale());
        String subject = messages.getMessage("mail.confirm.subject", null, locale);
        String body = messages.getMessage("mail.confirm.body", new Object[] {account.fullName(), link}, locale);
        mailer.send(new Mail(account.email(), subject, body, List.of(link)));
    }

    /** Mails a fresh confirmation link to an unconfirmed account; silent for unknown or confirmed ones. */
    @Transactional
    public void resendConfirmation(String email) {
        users.findByEmail(email).filter(u -> !u.confirmed()).ifPresent(this::sendConfirmation);
    }

    /** Confirms the e-mail behind a one-time link; a used, unknown or expired link is refused. */
    @Transactional
    public UserId confirmEmail(String token) {
        record Pending(UUID user, Instant expiresAt, boolean used) {
        }
        Pending pending = jdbc.sql("""
                SELECT user_id, expires_at, used_at IS NOT NULL AS used FROM email_confirmation
                WHERE token_hash = :hash FOR UPDATE
                """)
                .param("hash", Secrets.sha256(token))
                .query((rs, n) -> new Pending(rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("used")))
                .optional()
                .orElseThrow(() -> new RuleViolationException("confirmation.invalid"));
        Instant now = clock.instant();
        if (pending.used()) {
            throw new RuleViolationException("confirmation.used");
        }
        if (!now.isBefore(pending.expiresAt())) {
            throw new RuleViolationException("confirmation.expired");
        }
        jdbc.sql("UPDATE email_confirmation SET used_at = :at WHERE token_hash = :hash")
                .param("at", java.sql.Timestamp.from(now)).param("hash", Secrets.sha256(token)).update();
        UserAccount account = users.findById(new UserId(pending.user())).orElseThrow();
        account.confirmEmail(now);
        users.update(account);
        events.publishEvent(new EmailConfirmed(account.id(), now));
        return account.id();
    }

    /**
     * Checks an e-mail and password from a client address. Wrong passwords are counted per account and client, and
     * too many in a row lock that client out of that account for a while (the owner still signs in from another
     * client, or by an e-mailed link); a locked client is refused without looking at the password, so guessing gains
     * nothing. An e-mail without an account goes through the same steps (a password check against a dummy hash, the
     * same counting and lock), so neither the answer nor its timing tells which e-mails exist.
     */
    @Transactional(noRollbackFor = LoginRefusedException.class)
    public CurrentUser authenticate(String email, String password, String client) {
        Instant now = clock.instant();
        String key = accountKey(email);
        Optional<Instant> locked = failures.lockedUntil(key, client, now);
        if (locked.isPresent()) {
            throw new LoginRefusedException(LoginRefusedException.Reason.LOCKED, locked.get());
        }
        Optional<UserAccount> found = lookUp(email);
        boolean matches = passwords.matches(password, found.map(UserAccount::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || !matches) {
            Optional<Instant> lockedNow = failures.recordFailure(key, client, now, properties.maxFailedLogins(),
                    properties.lockout());
            if (lockedNow.isPresent()) {
                found.ifPresent(a -> events.publishEvent(new UserLockedOut(a.id(), lockedNow.get(), now)));
                throw new LoginRefusedException(LoginRefusedException.Reason.LOCKED, lockedNow.get());
            }
            throw new LoginRefusedException(LoginRefusedException.Reason.BAD_CREDENTIALS, null);
        }
        UserAccount account = found.get();
        if (!account.confirmed()) {
            throw new LoginRefusedException(LoginRefusedException.Reason.UNCONFIRMED, null);
        }
        failures.clear(key, client);
        return account.asCurrentUser();
    }

    /**
     * The account of a typed e-mail. Text no account can have (control characters, which PostgreSQL may even refuse,
     * or longer than the column) is answered as an unknown e-mail without asking the database.
     */
    private Optional<UserAccount> lookUp(String email) {
        return plausibleEmail(email) ? users.findByEmail(email) : Optional.empty();
    }

    static boolean plausibleEmail(String email) {
        return email.length() <= 320 && email.chars().noneMatch(Character::isISOControl);
    }

    /** The key failed logins are counted under: the e-mail as typed, lower-cased and hashed (any text fits). */
    static String accountKey(String email) {
        return Secrets.sha256(email.strip().toLowerCase(Locale.ROOT));
    }

    /** Resolves a Bearer token to its user; empty for unknown or revoked tokens. */
    public Optional<CurrentUser> authenticateToken(String token) {
        return tokenCache.get(Secrets.sha256(token), hash -> jdbc.sql("""
                SELECT t.user_id FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND u.email_confirmed_at IS NOT NULL
                """)
                .param("hash", hash)
                .query(UUID.class).optional()
                .flatMap(id -> users.findById(new UserId(id)))
                .map(UserAccount::asCurrentUser));
    }

    /** Issues a new personal API token; its secret is returned once and stored only as a hash. */
    @Transactional
    public IssuedToken issueToken(UserId user, String name) {
        String cleanName = name == null || name.isBlank() ? "API token" : name.trim();
        if (cleanName.length() > 100) {
            throw new InvalidInputException("name", "token.name.long");
        }
        String token = "oetp_" + Secrets.newSecret();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO api_token (id, user_id, name, token_hash, prefix, created_at)
                VALUES (:id, :user, :name, :hash, :prefix, :at)
                """)
                .param("id", id).param("user", user.value()).param("name", cleanName)
                .param("hash", Secrets.sha256(token)).param("prefix", token.substring(0, 12))
                .param("at", java.sql.Timestamp.from(now))
                .update();
        events.publishEvent(new ApiTokenIssued(user, id, cleanName, now));
        return new IssuedToken(id, cleanName, token, now);
    }

    /** The user's tokens, newest first, revoked ones included. */
    @Transactional(readOnly = true)
    public List<TokenInfo> tokens(UserId user) {
        return jdbc.sql("""
                SELECT id, name, prefix, created_at, revoked_at FROM api_token
                WHERE user_id = :user ORDER BY created_at DESC
                """)
                .param("user", user.value())
                .query((rs, n) -> new TokenInfo(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("prefix"), rs.getTimestamp("created_at").toInstant(),
                        UserAccounts.instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    /** Revokes one of the user's own tokens; another user's token is "not found". */
    @Transactional
    public void revokeToken(UserId user, UUID tokenId) {
        Instant now = clock.instant();
        String hash = jdbc.sql("""
                UPDATE api_token SET revoked_at = coalesce(revoked_at, :at)
                WHERE id = :id AND user_id = :user RETURNING token_hash
                """)
                .param("at", java.sql.Timestamp.from(now)).param("id", tokenId).param("user", user.value())
                .query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("Token"));
        tokenCache.invalidate(hash);
        events.publishEvent(new ApiTokenRevoked(user, tokenId, now));
    }

    /** A user by id. */
    @Transactional(readOnly = true)
    public Optional<UserSummary> find(UserId id) {
        return users.findById(id).map(UserAccount::summary);
    }

    /** The users of these ids that exist, by id, in one query (a list of members names them all at once). */
    @Transactional(readOnly = true)
    public Map<UserId, UserSummary> findAll(Collection<UserId> ids) {
        return ids.isEmpty() ? Map.of() : users.findAll(ids).stream().map(UserAccount::summary)
                .collect(Collectors.toMap(UserSummary::id, s -> s, (a, b) -> a));
    }

    /** A user by e-mail, any case. */
    @Transactional(readOnly = true)
    public Optional<UserSummary> findByEmail(String email) {
        return users.findByEmail(email).map(UserAccount::summary);
    }

    /** Remembers the user's interface language. */
    @Transactional
    public void changeLocale(UserId id, String locale) {
        UserAccount account = users.findById(id).orElseThrow(() -> new NotFoundException("User"));
        account.changeLocale(locale);
        users.update(account);
    }

    /** The user's time zone, if they have one (issue 16: pages show times in it). */
    @Transactional(readOnly = true)
    public Optional<ZoneId> timeZone(UserId id) {
        return Optional.ofNullable(users.timeZone(id)).filter(TimeZones::known).map(ZoneId::of);
    }

    /** The user picks a time zone; anything but a known region id (Europe/Moscow) is refused. */
    @Transactional
    public void changeTimeZone(UserId id, @Nullable String zone) {
        if (zone == null || !TimeZones.known(zone.strip())) {
            throw new InvalidInputException("timeZone", "timeZone.invalid");
        }
        if (!users.setTimeZone(id, zone.strip(), false)) {
            throw new NotFoundException("User");
        }
    }

    /**
     * The browser's zone at sign-in becomes the user's when they have none yet; a zone the browser made up or a
     * user who chose one already leaves things as they are. True when it was taken.
     */
    @Transactional
    public boolean adoptTimeZone(UserId id, @Nullable String browserZone) {
        return browserZone != null && TimeZones.known(browserZone) && users.setTimeZone(id, browserZone, true);
    }

    /** Creates the first operator from configuration unless an operator exists already. */
    @Transactional
    public void ensureOperator(String email, String password) {
        if (users.anyOperator()) {
            return;
        }
        UserId id = registerConfirmed(new NewUser("Platform operator", email, "-", "Operator", password, "en"),
                true);
        events.publishEvent(new OperatorCreated(id, email, clock.instant()));
    }
}
