package org.openetp.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.ConflictException;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.Money;
import org.openetp.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's rules beyond the generated sequences: the database keeps postings immutable and balanced by
 * itself, postings join the caller's transaction, a refusal leaves the caller's transaction usable, and bad input
 * is refused field by field.
 */
@IntegrationTest
class LedgerRulesTests {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void postingsEntriesAndStatementLinesCannotBeChangedOrDeleted() {
        OrganizationId organization = OrganizationId.random();
        PostingView posting = ledger.topUp(organization, new BigDecimal("100.00"), "RUB", key(), "bank");

        for (String sql : List.of(
                "UPDATE ledger_posting SET amount = 1 WHERE id = :id",
                "DELETE FROM ledger_posting WHERE id = :id",
                "UPDATE ledger_entry SET amount = amount * 2 WHERE posting_id = :id",
                "DELETE FROM ledger_entry WHERE posting_id = :id",
                "UPDATE ledger_movement SET available_after = 0 WHERE posting_id = :id",
                "DELETE FROM ledger_movement WHERE posting_id = :id")) {
            assertThatThrownBy(() -> jdbc.sql(sql).param("id", posting.id()).update()).as(sql)
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        }
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE ledger_entry").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT sum(amount) FROM ledger_entry WHERE posting_id = :id AND amount > 0")
                .param("id", posting.id()).query(BigDecimal.class).single()).isEqualByComparingTo("100.00");
    }

    @Test
    void theDatabaseRefusesToCommitAPostingWhoseEntriesDoNotSumToZero() {
        UUID id = UUID.randomUUID();
        // Written around the Ledger, as a buggy module might: the deferred check fails the commit.
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO ledger_posting (id, kind, idempotency_key, organization_id, amount, currency, memo,
                        actor, posted_at) VALUES (:id, 'CHARGE', :key, :org, 10, 'RUB', '', 'test', now())
                    """).param("id", id).param("key", key()).param("org", UUID.randomUUID()).update();
            jdbc.sql("INSERT INTO ledger_account (code, currency, kind) VALUES ('platform:RUB:revenue', 'RUB', "
                    + "'REVENUE') ON CONFLICT DO NOTHING").update();
            jdbc.sql("INSERT INTO ledger_entry (posting_id, line, account, amount) VALUES (:id, 1, "
                    + "'platform:RUB:revenue', 10)").param("id", id).update();
        })).as("the commit fails").rootCause().hasMessageContaining("does not balance");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_posting WHERE id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aPostingRollsBackWithTheCallersTransaction() {
        OrganizationId supplier = funded("300.00");
        String key = key();

        transactions.executeWithoutResult(status -> {
            ledger.block(supplier, new BigDecimal("100.00"), "RUB", key, "deposit for a bid that fails");
            // The caller's own work fails after the block: both must vanish together.
            status.setRollbackOnly();
        });

        assertThat(ledger.account(supplier, "RUB").available()).isEqualByComparingTo("300.00");
        assertThat(ledger.account(supplier, "RUB").blocked()).isEqualByComparingTo("0.00");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_posting WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single()).isZero();
        // The key was never used, so the same request can succeed later.
        ledger.block(supplier, new BigDecimal("100.00"), "RUB", key, "deposit for a bid that fails");
        assertThat(ledger.account(supplier, "RUB").blocked()).isEqualByComparingTo("100.00");
    }

    @Test
    void aRefusalWritesNothingSoTheCallerMayCatchItAndCarryOn() {
        OrganizationId supplier = funded("50.00");
        String refusedKey = key();
        String chargeKey = key();

        transactions.executeWithoutResult(status -> {
            try {
                ledger.charge(supplier, new BigDecimal("80.00"), "RUB", refusedKey, "tariff");
            } catch (InsufficientFundsException e) {
                assertThat(e.shortfall()).isEqualByComparingTo("30.00");
                assertThat(e.messageKey()).isEqualTo("ledger.insufficient");
                assertThat(e.args()).containsExactly("30.00", "RUB");
            }
            ledger.charge(supplier, new BigDecimal("50.00"), "RUB", chargeKey, "a cheaper tariff instead");
        });

        assertThat(ledger.account(supplier, "RUB").available()).isEqualByComparingTo("0.00");
        assertThat(jdbc.sql("SELECT idempotency_key FROM ledger_posting WHERE organization_id = :o AND kind = "
                + "'CHARGE'").param("o", supplier.value()).query(String.class).list()).containsExactly(chargeKey);
    }

    @Test
    void theSameKeyWithOtherParametersIsAConflictAndMovesNothing() {
        OrganizationId supplier = funded("100.00");
        String key = key();
        PostingView first = ledger.block(supplier, new BigDecimal("40.00"), "RUB", key, "bid 1");

        assertThat(ledger.block(supplier, new BigDecimal("40.0"), "RUB", key, "bid 1").id())
                .as("the same amount written differently is the same request").isEqualTo(first.id());
        assertThatThrownBy(() -> ledger.block(supplier, new BigDecimal("41.00"), "RUB", key, "bid 1"))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).errors())
                        .containsExactly(new FieldError("idempotencyKey", "ledger.idempotencyKey.reused")));
        assertThatThrownBy(() -> ledger.charge(supplier, new BigDecimal("40.00"), "RUB", key, "bid 1"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ledger.block(OrganizationId.random(), new BigDecimal("40.00"), "RUB", key, "bid 1"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ledger.block(supplier, new BigDecimal("40.00"), "RUB", key, "bid 2"))
                .isInstanceOf(ConflictException.class);
        assertThat(ledger.account(supplier, "RUB").blocked()).isEqualByComparingTo("40.00");
    }

    @Test
    void badInputIsRefusedFieldByField() {
        OrganizationId supplier = OrganizationId.random();
        assertThat(fields(() -> ledger.topUp(supplier, new BigDecimal("-1"), "RUB", key(), "")))
                .containsExactly(new FieldError("amount", "ledger.amount.positive"));
        assertThat(fields(() -> ledger.topUp(supplier, BigDecimal.ZERO, "RUB", key(), "")))
                .containsExactly(new FieldError("amount", "ledger.amount.positive"));
        assertThat(fields(() -> ledger.topUp(supplier, new BigDecimal("1.001"), "RUB", key(), "")))
                .containsExactly(new FieldError("amount", "ledger.amount.scale"));
        assertThat(fields(() -> ledger.topUp(supplier, new BigDecimal("1.50"), "JPY", key(), "")))
                .as("yen have no minor unit").containsExactly(new FieldError("amount", "ledger.amount.scale"));
        assertThat(fields(() -> ledger.topUp(supplier, new BigDecimal("1e15"), "RUB", key(), "")))
                .containsExactly(new FieldError("amount", "ledger.amount.tooLarge"));
        assertThat(fields(() -> ledger.topUp(supplier, BigDecimal.ONE, "rub", key(), "")))
                .containsExactly(new FieldError("currency", "ledger.currency.invalid"));
        assertThat(fields(() -> ledger.topUp(supplier, BigDecimal.ONE, "XAU", key(), "")))
                .as("gold is not money here").containsExactly(new FieldError("currency", "ledger.currency.invalid"));
        assertThat(fields(() -> ledger.topUp(supplier, BigDecimal.ONE, "RUB", " ", "")))
                .containsExactly(new FieldError("idempotencyKey", "ledger.idempotencyKey.required"));
        assertThat(fields(() -> ledger.topUp(supplier, BigDecimal.ONE, "RUB", "k".repeat(201), "")))
                .containsExactly(new FieldError("idempotencyKey", "ledger.idempotencyKey.invalid"));
        assertThat(fields(() -> ledger.topUp(supplier, BigDecimal.ONE, "RUB", key(), "m".repeat(501))))
                .containsExactly(new FieldError("memo", "field.tooLong"));
        assertThat(fields(() -> ledger.forfeit(supplier, supplier, BigDecimal.ONE, "RUB", key(), "")))
                .containsExactly(new FieldError("to", "ledger.forfeit.sameOrganization"));
        assertThat(fields(() -> ledger.statement(supplier, "RUB", Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"))))
                .containsExactly(new FieldError("from", "ledger.period.invalid"));
        assertThat(ledger.accounts(supplier)).as("nothing was posted").isEmpty();
        assertThat(ledger.account(supplier, "RUB").balance()).isEqualByComparingTo("0");
    }

    @Test
    void releasingOrForfeitingMoreThanIsBlockedIsRefusedWithTheShortfall() {
        OrganizationId supplier = funded("100.00");
        OrganizationId buyer = OrganizationId.random();
        ledger.block(supplier, new BigDecimal("60.00"), "RUB", key(), "deposit");

        assertThatThrownBy(() -> ledger.release(supplier, new BigDecimal("60.01"), "RUB", key(), "too much"))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.shortfall()).isEqualByComparingTo("0.01");
                    assertThat(e.messageKey()).isEqualTo("ledger.insufficientBlocked");
                });
        assertThatThrownBy(() -> ledger.forfeit(supplier, buyer, new BigDecimal("70.00"), "RUB", key(), "too much"))
                .isInstanceOfSatisfying(InsufficientFundsException.class,
                        e -> assertThat(e.shortfall()).isEqualByComparingTo("10.00"));
        assertThat(ledger.accounts(buyer)).as("a refused forfeit creates no account for the receiver").isEmpty();

        ledger.forfeit(supplier, buyer, new BigDecimal("60.00"), "RUB", key(), "winner refused to sign");
        assertThat(ledger.account(supplier, "RUB").blocked()).isEqualByComparingTo("0.00");
        assertThat(ledger.account(supplier, "RUB").available()).isEqualByComparingTo("40.00");
        assertThat(ledger.account(buyer, "RUB").available()).isEqualByComparingTo("60.00");
    }

    @Test
    void aMoneyPostsAsTheSameAmountAndCurrencyGivenApartAndReplaysUnderItsKey() {
        OrganizationId supplier = OrganizationId.random();
        String key = key();
        PostingView first = ledger.topUp(supplier, Money.of(new BigDecimal("1500"), "JPY"), key, "bank");

        assertThat(ledger.topUp(supplier, new BigDecimal("1500.00"), "JPY", key, "bank").id())
                .as("the same posting, whichever way the amount came").isEqualTo(first.id());
        ledger.block(supplier, Money.of(new BigDecimal("500"), "JPY"), key(), "deposit");
        assertThat(ledger.account(supplier, "JPY").available()).isEqualByComparingTo("1000");
        assertThat(ledger.account(supplier, "JPY").blocked()).isEqualByComparingTo("500");
        assertThatThrownBy(() -> ledger.charge(supplier, Money.of(new BigDecimal("1000.01"), "RUB"), key(), "tariff"))
                .isInstanceOf(InsufficientFundsException.class);
    }

    private OrganizationId funded(String amount) {
        OrganizationId organization = OrganizationId.random();
        ledger.topUp(organization, new BigDecimal(amount), "RUB", key(), "bank");
        return organization;
    }

    private static List<FieldError> fields(Runnable call) {
        try {
            call.run();
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("not refused");
    }

    private static String key() {
        return "rules-" + UUID.randomUUID();
    }
}
