package org.openetp.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.ConflictException;
import org.openetp.support.IntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ledger properties over generated sequences (SPEC §4.4): for each fixed seed, a few hundred random top-ups,
 * charges, blocks, releases and forfeits over four organizations, through the Ledger API against the real
 * database. A model of the organizations' money predicts every outcome, so a refusal must be exactly a posting the
 * money did not cover. After every operation the ledger must balance, no organization's money may be negative, the
 * account views must equal what the entries add up to, and replaying an earlier key must change nothing.
 */
@IntegrationTest
class LedgerPropertyTests {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerPropertyTests.class);
    private static final int OPERATIONS = 250;
    private static final int ORGANIZATIONS = 4;
    // One currency for every seed: the zero-sum invariant holds per currency across all postings ever made in it.
    private static final String CURRENCY = "EUR";

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    private enum Op {
        TOP_UP, CHARGE, BLOCK, RELEASE, FORFEIT
    }

    /** An organization's money as the model expects it. */
    private static final class Money {
        BigDecimal available = BigDecimal.ZERO.setScale(2);
        BigDecimal blocked = BigDecimal.ZERO.setScale(2);
    }

    /** A request that was posted, to be replayed later with exactly the same parameters. */
    private record Posted(Op op, OrganizationId organization, @Nullable OrganizationId to, BigDecimal amount,
            String key, String memo, UUID id) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void randomSequencesBalanceNeverGoNegativeAndReplayNothing(long seed) {
        Random random = new Random(seed);
        // Fresh organizations (and keys) per run: the database outlives one test method.
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<OrganizationId> organizations = new ArrayList<>();
        Map<OrganizationId, Money> model = new HashMap<>();
        for (int i = 0; i < ORGANIZATIONS; i++) {
            OrganizationId organization = OrganizationId.random();
            organizations.add(organization);
            model.put(organization, new Money());
        }
        List<Posted> posted = new ArrayList<>();
        Map<Op, Integer> successes = new EnumMap<>(Op.class);
        Map<Op, Integer> refusals = new EnumMap<>(Op.class);
        int replays = 0;
        int conflicts = 0;

        for (int i = 0; i < OPERATIONS; i++) {
            Op op = pick(random);
            OrganizationId organization = organizations.get(random.nextInt(ORGANIZATIONS));
            OrganizationId to = op == Op.FORFEIT ? other(random, organizations, organization) : null;
            Money money = model.get(organization);
            BigDecimal have = op == Op.CHARGE || op == Op.BLOCK ? money.available : money.blocked;
            BigDecimal amount = amount(random, op, have);
            String key = "property-" + run + "-" + seed + "-" + i;
            String memo = op + " #" + i + ", seed " + seed;
            boolean covered = op == Op.TOP_UP || have.compareTo(amount) >= 0;

            try {
                PostingView posting = post(op, organization, to, amount, key, memo);
                assertThat(covered).as("op %d %s %s of %s posted though the model says it is not covered", i, op,
                        amount, have).isTrue();
                assertPosting(posting, op, organization, to, amount, key);
                apply(model, op, organization, to, amount);
                posted.add(new Posted(op, organization, to, amount, key, memo, posting.id()));
                successes.merge(op, 1, Integer::sum);
            } catch (InsufficientFundsException refused) {
                assertThat(covered).as("op %d %s %s of %s refused though covered", i, op, amount, have).isFalse();
                assertThat(refused.shortfall()).isEqualByComparingTo(amount.subtract(have));
                assertThat(refused.messageKey()).isEqualTo(op == Op.CHARGE || op == Op.BLOCK
                        ? "ledger.insufficient" : "ledger.insufficientBlocked");
                assertThat(jdbc.sql("SELECT count(*) FROM ledger_posting WHERE idempotency_key = :key")
                        .param("key", key).query(Long.class).single()).as("a refusal posts nothing").isZero();
                refusals.merge(op, 1, Integer::sum);
            }

            assertInvariants(organizations, model);

            if (!posted.isEmpty()) {
                Posted earlier = posted.get(random.nextInt(posted.size()));
                Map<String, BigDecimal> before = accountSums(organizations);
                long postings = postingCount();
                if (random.nextInt(10) == 0) {
                    // The same key asking for something else is a conflict, not a replay.
                    assertThatThrownBy(() -> post(earlier.op(), earlier.organization(), earlier.to(),
                            earlier.amount().add(new BigDecimal("0.01")), earlier.key(), earlier.memo()))
                            .isInstanceOf(ConflictException.class);
                    conflicts++;
                } else {
                    PostingView replayed = post(earlier.op(), earlier.organization(), earlier.to(), earlier.amount(),
                            earlier.key(), earlier.memo());
                    assertThat(replayed.id()).as("replay of %s", earlier.key()).isEqualTo(earlier.id());
                    replays++;
                }
                assertThat(accountSums(organizations)).as("balances after replaying %s", earlier.key())
                        .isEqualTo(before);
                assertThat(postingCount()).isEqualTo(postings);
                assertViewsMatchModel(organizations, model);
            }
        }

        LOG.info("seed {}: posted {}, refused {}, replays {}, conflicts {}", seed, successes, refusals, replays,
                conflicts);
        // The generator must really have exercised every kind both ways, or the properties proved little.
        assertThat(successes.keySet()).as("kinds posted").containsExactlyInAnyOrder(Op.values());
        assertThat(refusals.keySet()).as("kinds refused")
                .containsExactlyInAnyOrder(Op.CHARGE, Op.BLOCK, Op.RELEASE, Op.FORFEIT);
        assertThat(replays).isPositive();
        assertThat(conflicts).isPositive();
    }

    private PostingView post(Op op, OrganizationId organization, @Nullable OrganizationId to, BigDecimal amount,
            String key, String memo) {
        return switch (op) {
            case TOP_UP -> ledger.topUp(organization, amount, CURRENCY, key, memo);
            case CHARGE -> ledger.charge(organization, amount, CURRENCY, key, memo);
            case BLOCK -> ledger.block(organization, amount, CURRENCY, key, memo);
            case RELEASE -> ledger.release(organization, amount, CURRENCY, key, memo);
            case FORFEIT -> ledger.forfeit(organization, Objects.requireNonNull(to), amount, CURRENCY,
                    key, memo);
        };
    }

    private static void apply(Map<OrganizationId, Money> model, Op op, OrganizationId organization,
            @Nullable OrganizationId to, BigDecimal amount) {
        Money money = model.get(organization);
        switch (op) {
            case TOP_UP -> money.available = money.available.add(amount);
            case CHARGE -> money.available = money.available.subtract(amount);
            case BLOCK -> {
                money.available = money.available.subtract(amount);
                money.blocked = money.blocked.add(amount);
            }
            case RELEASE -> {
                money.blocked = money.blocked.subtract(amount);
                money.available = money.available.add(amount);
            }
            case FORFEIT -> {
                money.blocked = money.blocked.subtract(amount);
                Money receiver = model.get(to);
                receiver.available = receiver.available.add(amount);
            }
        }
    }

    /** The posting moved the amount between the accounts its kind names, in entries that sum to zero. */
    private static void assertPosting(PostingView posting, Op op, OrganizationId organization,
            @Nullable OrganizationId to, BigDecimal amount, String key) {
        assertThat(posting.kind()).isEqualTo(op.name());
        assertThat(posting.idempotencyKey()).isEqualTo(key);
        assertThat(posting.entries().stream().map(EntryView::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("0");
        String account = "organization:" + organization + ":" + CURRENCY + ":";
        Map<String, BigDecimal> expected = switch (op) {
            case TOP_UP -> Map.of("platform:" + CURRENCY + ":bank", amount.negate(), account + "available", amount);
            case CHARGE -> Map.of(account + "available", amount.negate(), "platform:" + CURRENCY + ":revenue",
                    amount);
            case BLOCK -> Map.of(account + "available", amount.negate(), account + "blocked", amount);
            case RELEASE -> Map.of(account + "blocked", amount.negate(), account + "available", amount);
            case FORFEIT -> Map.of(account + "blocked", amount.negate(),
                    "organization:" + to + ":" + CURRENCY + ":available", amount);
        };
        Map<String, BigDecimal> actual = new HashMap<>();
        posting.entries().forEach(e -> actual.put(e.account(), e.amount()));
        assertThat(actual).isEqualTo(expected);
    }

    private void assertInvariants(List<OrganizationId> organizations, Map<OrganizationId, Money> model) {
        List<UUID> ids = organizations.stream().map(OrganizationId::value).toList();
        // Every posting of these organizations has at least two entries, and they sum to zero.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (
                    SELECT p.id FROM ledger_posting p LEFT JOIN ledger_entry e ON e.posting_id = p.id
                    WHERE p.organization_id IN (:ids)
                    GROUP BY p.id HAVING count(e.posting_id) < 2 OR coalesce(sum(e.amount), 0) <> 0) unbalanced
                """).param("ids", ids).query(Long.class).single()).as("unbalanced postings").isZero();
        // No organization account adds up to less than zero, whatever the balance table says.
        assertThat(jdbc.sql("""
                SELECT a.code FROM ledger_entry e JOIN ledger_account a ON a.code = e.account
                WHERE a.organization_id IS NOT NULL AND a.currency = :currency
                GROUP BY a.code HAVING sum(e.amount) < 0
                """).param("currency", CURRENCY).query(String.class).list()).as("negative accounts").isEmpty();
        // The ledger balances: all accounts in the currency sum to zero, counted from the entries...
        assertThat(jdbc.sql("""
                SELECT coalesce(sum(e.amount), 0) FROM ledger_entry e JOIN ledger_account a ON a.code = e.account
                WHERE a.currency = :currency
                """).param("currency", CURRENCY).query(BigDecimal.class).single()).isEqualByComparingTo("0");
        // ...and counted from the organizations' balance rows plus the platform's accounts.
        assertThat(jdbc.sql("""
                SELECT (SELECT coalesce(sum(available + blocked), 0) FROM ledger_balance WHERE currency = :currency)
                     + (SELECT coalesce(sum(e.amount), 0) FROM ledger_entry e JOIN ledger_account a
                        ON a.code = e.account WHERE a.organization_id IS NULL AND a.currency = :currency)
                """).param("currency", CURRENCY).query(BigDecimal.class).single()).isEqualByComparingTo("0");
        assertViewsMatchModel(organizations, model);
    }

    /** The Ledger's account views equal the sums of the entries, and both equal the model. */
    private void assertViewsMatchModel(List<OrganizationId> organizations, Map<OrganizationId, Money> model) {
        Map<String, BigDecimal> sums = accountSums(organizations);
        for (OrganizationId organization : organizations) {
            AccountView view = ledger.account(organization, CURRENCY);
            String prefix = "organization:" + organization + ":" + CURRENCY + ":";
            BigDecimal available = sums.getOrDefault(prefix + "available", BigDecimal.ZERO);
            BigDecimal blocked = sums.getOrDefault(prefix + "blocked", BigDecimal.ZERO);
            assertThat(view.available()).as("available of %s", organization).isEqualByComparingTo(available)
                    .isEqualByComparingTo(model.get(organization).available).isNotNegative();
            assertThat(view.blocked()).as("blocked of %s", organization).isEqualByComparingTo(blocked)
                    .isEqualByComparingTo(model.get(organization).blocked).isNotNegative();
            assertThat(view.balance()).isEqualByComparingTo(view.available().add(view.blocked()));
        }
    }

    /** Each account of these organizations, and the platform's, with the sum of its entries. */
    private Map<String, BigDecimal> accountSums(List<OrganizationId> organizations) {
        Map<String, BigDecimal> sums = new HashMap<>();
        jdbc.sql("""
                SELECT a.code, sum(e.amount) AS total FROM ledger_entry e JOIN ledger_account a ON a.code = e.account
                WHERE a.currency = :currency AND (a.organization_id IN (:ids) OR a.organization_id IS NULL)
                GROUP BY a.code
                """).param("currency", CURRENCY)
                .param("ids", organizations.stream().map(OrganizationId::value).toList())
                .query((rs, n) -> sums.put(rs.getString("code"), rs.getBigDecimal("total"))).list();
        return sums;
    }

    private long postingCount() {
        return jdbc.sql("SELECT count(*) FROM ledger_posting").query(Long.class).single();
    }

    private static Op pick(Random random) {
        int roll = random.nextInt(100);
        return roll < 25 ? Op.TOP_UP : roll < 40 ? Op.CHARGE : roll < 65 ? Op.BLOCK : roll < 85 ? Op.RELEASE
                : Op.FORFEIT;
    }

    /** Mostly random cents; now and then exactly what is there, the edge a conditional update must get right. */
    private static BigDecimal amount(Random random, Op op, BigDecimal have) {
        if (op == Op.TOP_UP) {
            return BigDecimal.valueOf(10_000 + random.nextInt(90_000), 2);
        }
        if (have.signum() > 0 && random.nextInt(8) == 0) {
            return have;
        }
        return BigDecimal.valueOf(1 + random.nextInt(40_000), 2);
    }

    private static OrganizationId other(Random random, List<OrganizationId> organizations,
            OrganizationId organization) {
        OrganizationId to;
        do {
            to = organizations.get(random.nextInt(organizations.size()));
        } while (to.equals(organization));
        return to;
    }
}
