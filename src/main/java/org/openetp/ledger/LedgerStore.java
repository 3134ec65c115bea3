package org.openetp.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.organization.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's tables (migration ledger/V1): accounts, postings, entries, balances and statement lines. */
@Repository
class LedgerStore {

    /** What a posting was asked to do, as stored: a replay of its key must ask for exactly this again. */
    record Request(PostingKind kind, OrganizationId organization, @Nullable OrganizationId counterparty,
            BigDecimal amount, String currency, String idempotencyKey, String memo) {

        boolean sameAs(Request other) {
            return kind == other.kind && organization.equals(other.organization)
                    && Objects.equals(counterparty, other.counterparty)
                    && amount.compareTo(other.amount) == 0 && currency.equals(other.currency)
                    && memo.equals(other.memo);
        }
    }

    /** A posting found by its key, with the request it was made for. */
    record Stored(Request request, PostingView view) {
    }

    /** An organization's balances in one currency right after a change, and the change's place in its statement. */
    record Balances(BigDecimal available, BigDecimal blocked, long version) {
    }

    /** Separates the ledger's advisory locks from any other module's (PostgreSQL's two-int key space). */
    private static final int KEY_LOCK_CLASS = 0x4c454447; // "LEDG"

    private final JdbcClient jdbc;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes concurrent requests with the same idempotency key take turns until the first one's transaction ends, so
     * the later ones find its posting instead of moving money a second time. Different keys almost never wait for
     * each other (only on a 32-bit hash collision). The unique constraint on the key remains the final guarantee.
     */
    void lockKey(String idempotencyKey) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:class, hashtext(:key))")
                .param("class", KEY_LOCK_CLASS).param("key", idempotencyKey).query().listOfRows();
    }

    Optional<Stored> postingByKey(String idempotencyKey) {
        return jdbc.sql("SELECT * FROM ledger_posting WHERE idempotency_key = :key").param("key", idempotencyKey)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    UUID counterparty = rs.getObject("counterparty_id", UUID.class);
                    Request request = new Request(PostingKind.valueOf(rs.getString("kind")),
                            new OrganizationId(rs.getObject("organization_id", UUID.class)),
                            counterparty == null ? null : new OrganizationId(counterparty),
                            rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("idempotency_key"),
                            rs.getString("memo"));
                    return new Stored(request, new PostingView(id, rs.getString("kind"),
                            rs.getString("idempotency_key"), instant(rs.getTimestamp("posted_at")),
                            rs.getString("memo"), List.of()));
                })
                .optional()
                .map(stored -> new Stored(stored.request(), new PostingView(stored.view().id(),
                        stored.view().kind(), stored.view().idempotencyKey(), stored.view().postedAt(),
                        stored.view().memo(), entries(stored.view().id()))));
    }

    /**
     * Adds to an organization's balances, creating its row on first use; only for changes that take nothing away,
     * which can never be refused.
     */
    Balances add(OrganizationId organization, String currency, BigDecimal available, BigDecimal blocked) {
        return jdbc.sql("""
                INSERT INTO ledger_balance (organization_id, currency, available, blocked, version)
                VALUES (:organization, :currency, :available, :blocked, 1)
                ON CONFLICT (organization_id, currency) DO UPDATE
                    SET available = ledger_balance.available + EXCLUDED.available,
                        blocked = ledger_balance.blocked + EXCLUDED.blocked,
                        version = ledger_balance.version + 1
                RETURNING available, blocked, version
                """)
                .param("organization", organization.value()).param("currency", currency)
                .param("available", available).param("blocked", blocked)
                .query(LedgerStore::balances).single();
    }

    /**
     * Changes an organization's balances only if neither goes below zero, in one statement: the row lock it takes
     * makes a concurrent change wait, and PostgreSQL re-checks the condition against the committed row it waited
     * for. Empty when the money is not there (nothing changed then).
     */
    Optional<Balances> changeIfCovered(OrganizationId organization, String currency, BigDecimal available,
            BigDecimal blocked) {
        return jdbc.sql("""
                UPDATE ledger_balance
                SET available = available + :available, blocked = blocked + :blocked, version = version + 1
                WHERE organization_id = :organization AND currency = :currency
                  AND available + :available >= 0 AND blocked + :blocked >= 0
                RETURNING available, blocked, version
                """)
                .param("organization", organization.value()).param("currency", currency)
                .param("available", available).param("blocked", blocked)
                .query(LedgerStore::balances).optional();
    }

    /** Locks the organizations' balance rows in id order, so that two opposite forfeits never deadlock. */
    void lockInOrder(List<OrganizationId> organizations, String currency) {
        List<UUID> ids = organizations.stream().map(OrganizationId::value).sorted().toList();
        for (UUID id : ids) {
            jdbc.sql("SELECT 1 FROM ledger_balance WHERE organization_id = :organization AND currency = :currency "
                    + "FOR UPDATE").param("organization", id).param("currency", currency).query().listOfRows();
        }
    }

    Optional<AccountView> account(OrganizationId organization, String currency) {
        return jdbc.sql("SELECT * FROM ledger_balance WHERE organization_id = :organization AND currency = :currency")
                .param("organization", organization.value()).param("currency", currency)
                .query((rs, n) -> account(rs)).optional();
    }

    List<AccountView> accounts(OrganizationId organization) {
        return jdbc.sql("SELECT * FROM ledger_balance WHERE organization_id = :organization ORDER BY currency")
                .param("organization", organization.value()).query((rs, n) -> account(rs)).list();
    }

    /** Names the accounts a posting uses; an account, once named, stays. */
    void ensureAccounts(List<Account> accounts) {
        for (Account account : accounts) {
            jdbc.sql("""
                    INSERT INTO ledger_account (code, organization_id, currency, kind)
                    VALUES (:code, :organization, :currency, :kind)
                    ON CONFLICT (code) DO NOTHING
                    """)
                    .param("code", account.code())
                    .param("organization", account.organization() == null ? null : account.organization().value())
                    .param("currency", account.currency()).param("kind", account.kind().name())
                    .update();
        }
    }

    void insertPosting(UUID id, Request request, String actor, Instant postedAt, List<Entry> entries) {
        jdbc.sql("""
                INSERT INTO ledger_posting (id, kind, idempotency_key, organization_id, counterparty_id, amount,
                    currency, memo, actor, posted_at)
                VALUES (:id, :kind, :key, :organization, :counterparty, :amount, :currency, :memo, :actor, :at)
                """)
                .param("id", id).param("kind", request.kind().name()).param("key", request.idempotencyKey())
                .param("organization", request.organization().value())
                .param("counterparty", request.counterparty() == null ? null : request.counterparty().value())
                .param("amount", request.amount()).param("currency", request.currency()).param("memo", request.memo())
                .param("actor", actor).param("at", Timestamp.from(postedAt))
                .update();
        int line = 1;
        for (Entry entry : entries) {
            jdbc.sql("INSERT INTO ledger_entry (posting_id, line, account, amount) VALUES (:id, :line, :account, "
                    + ":amount)")
                    .param("id", id).param("line", line++).param("account", entry.account().code())
                    .param("amount", entry.amount())
                    .update();
        }
    }

    void insertMovement(OrganizationId organization, String currency, UUID posting, Instant postedAt,
            BigDecimal availableChange, BigDecimal blockedChange, Balances after) {
        jdbc.sql("""
                INSERT INTO ledger_movement (organization_id, currency, version, posting_id, posted_at,
                    available_change, blocked_change, available_after, blocked_after)
                VALUES (:organization, :currency, :version, :posting, :at, :availableChange, :blockedChange,
                    :availableAfter, :blockedAfter)
                """)
                .param("organization", organization.value()).param("currency", currency)
                .param("version", after.version()).param("posting", posting).param("at", Timestamp.from(postedAt))
                .param("availableChange", availableChange).param("blockedChange", blockedChange)
                .param("availableAfter", after.available()).param("blockedAfter", after.blocked())
                .update();
    }

    /** The statement lines in the order the postings were applied; {@code from} inclusive, {@code to} exclusive. */
    List<StatementLine> statement(OrganizationId organization, String currency, @Nullable Instant from,
            @Nullable Instant to) {
        StringBuilder sql = new StringBuilder("""
                SELECT m.posting_id, m.posted_at, p.kind, p.memo, m.available_change, m.blocked_change,
                    m.available_after, m.blocked_after
                FROM ledger_movement m JOIN ledger_posting p ON p.id = m.posting_id
                WHERE m.organization_id = :organization AND m.currency = :currency
                """);
        if (from != null) {
            sql.append(" AND m.posted_at >= :from");
        }
        if (to != null) {
            sql.append(" AND m.posted_at < :to");
        }
        sql.append(" ORDER BY m.version");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("organization", organization.value()).param("currency", currency);
        if (from != null) {
            statement = statement.param("from", Timestamp.from(from));
        }
        if (to != null) {
            statement = statement.param("to", Timestamp.from(to));
        }
        return statement.query((rs, n) -> new StatementLine(rs.getObject("posting_id", UUID.class),
                instant(rs.getTimestamp("posted_at")), rs.getString("kind"), rs.getString("memo"),
                rs.getBigDecimal("available_change"), rs.getBigDecimal("blocked_change"),
                rs.getBigDecimal("available_after"), rs.getBigDecimal("blocked_after"))).list();
    }

    private List<EntryView> entries(UUID posting) {
        return jdbc.sql("SELECT account, amount FROM ledger_entry WHERE posting_id = :id ORDER BY line")
                .param("id", posting)
                .query((rs, n) -> new EntryView(rs.getString("account"), rs.getBigDecimal("amount"))).list();
    }

    private static Balances balances(ResultSet rs, int row) throws SQLException {
        return new Balances(rs.getBigDecimal("available"), rs.getBigDecimal("blocked"), rs.getLong("version"));
    }

    private static AccountView account(ResultSet rs) throws SQLException {
        BigDecimal available = rs.getBigDecimal("available");
        BigDecimal blocked = rs.getBigDecimal("blocked");
        return new AccountView(new OrganizationId(rs.getObject("organization_id", UUID.class)),
                rs.getString("currency"), available.add(blocked), blocked, available);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}
