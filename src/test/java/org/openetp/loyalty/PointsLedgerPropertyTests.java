package org.openetp.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openetp.support.IntegrationTest;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The points ledger over generated sequences (fixed seeds): random earnings with locks and expiries, unlocks and
 * expiries as time passes, redemptions, reversals and adjustments, through the ledger against the real database.
 * An in-memory model of the member's awards predicts every outcome and which awards each redemption takes. After
 * every step the postings balance, no balance is negative, the balances equal the model's and what is left of the
 * awards; redemptions and expiries take the soonest-expiring awards first; replaying a key changes nothing.
 */
@IntegrationTest
class PointsLedgerPropertyTests {

    private static final int OPERATIONS = 120;

    @Autowired
    PointsLedger ledger;

    @Autowired
    PointsStore store;

    @Autowired
    ProgramStore programs;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    /** An award as the model sees it. */
    private static final class ModelAward {
        final UUID id;
        final Instant earnedAt;
        final Instant unlocksAt;
        final @Nullable Instant expiresAt;
        BigDecimal remaining;
        String status = "PENDING";

        ModelAward(UUID id, BigDecimal amount, Instant earnedAt, Instant unlocksAt, @Nullable Instant expiresAt) {
            this.id = id;
            this.remaining = amount;
            this.earnedAt = earnedAt;
            this.unlocksAt = unlocksAt;
            this.expiresAt = expiresAt;
        }
    }

    /** A redemption that was made, to replay. */
    private record Made(String key, BigDecimal amount, UUID posting) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2026})
    void randomSequencesBalanceNeverGoNegativeTakeTheSoonestExpiringFirstAndReplayNothing(long seed) {
        Random random = new Random(seed);
        ProgramId program = ProgramId.random();
        programs.insertProgram(new ProgramStore.Program(program, UUID.randomUUID(), "Property " + seed, "RUB",
                java.time.LocalDate.of(2026, 1, 1), null, 1), clock.instant());
        programs.insertRules(program, new Rules(1, BigDecimal.ONE, BigDecimal.ZERO, new Expiry("NEVER"),
                new Span("P0D"), java.util.Map.of(), List.of(), clock.instant()));
        MemberId member = programs.memberOfClient(program, UUID.randomUUID(), "Client " + seed, clock.instant()).id();
        List<ModelAward> awards = new ArrayList<>();
        List<Made> made = new ArrayList<>();
        int redeemed = 0;
        int refused = 0;
        for (int step = 0; step < OPERATIONS; step++) {
            clock.advance(Duration.ofSeconds(1)); // distinct earning times: the spending order is then total
            int op = random.nextInt(100);
            if (op < 35) {
                earn(random, program, member, awards, step);
            } else if (op < 55) {
                passTime(random, program, awards);
            } else if (op < 80) {
                BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(300)).setScale(2);
                String key = "prop-" + program + "-" + step;
                if (redeem(program, member, awards, amount, key, made)) {
                    redeemed++;
                } else {
                    refused++;
                }
            } else if (op < 90) {
                reverse(random, program, awards);
            } else if (!made.isEmpty()) {
                Made earlier = made.get(random.nextInt(made.size()));
                PointsLedger.Posted replay = ledger.redeem(program, member, Unit.POINTS, earlier.amount(),
                        earlier.key(), "reward", "tester");
                assertThat(replay.replay()).isTrue();
                assertThat(replay.posting()).isEqualTo(earlier.posting());
            }
            check(program, member, awards);
        }
        assertThat(redeemed).as("seed %d redeemed", seed).isPositive();
        assertThat(refused).as("seed %d refused", seed).isPositive();
    }

    private void earn(Random random, ProgramId program, MemberId member, List<ModelAward> awards, int step) {
        BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(200)).setScale(2);
        Instant now = clock.instant();
        Instant unlocks = now.plus(Duration.ofDays(random.nextInt(4)));
        Instant expires = random.nextInt(5) == 0 ? null : now.plus(Duration.ofDays(1 + random.nextInt(12)));
        String key = "earn-" + program + "-" + step;
        UUID award = ledger.earn(program, member, Unit.POINTS, amount, null, now, unlocks, expires, key, "contract",
                "system").orElseThrow();
        ModelAward model = new ModelAward(award, amount, now, unlocks, expires);
        if (!unlocks.isAfter(now)) {
            model.status = "AVAILABLE";
        }
        awards.add(model);
        assertThat(ledger.earn(program, member, Unit.POINTS, amount, null, now, unlocks, expires, key, "contract",
                "system")).as("a replayed earning").isEmpty();
    }

    /** A day or two passes: due awards unlock, then what is past its expiry expires, as the nightly run does. */
    private void passTime(Random random, ProgramId program, List<ModelAward> awards) {
        clock.advance(Duration.ofHours(12 + random.nextInt(36)));
        Instant now = clock.instant();
        for (ModelAward a : awards) {
            if (a.status.equals("PENDING") && !a.unlocksAt.isAfter(now)) {
                assertThat(ledger.unlock(program, a.id)).isPresent();
                a.status = "AVAILABLE";
            }
        }
        for (ModelAward a : awards) {
            if (a.status.equals("AVAILABLE") && a.expiresAt != null && !a.expiresAt.isAfter(now)) {
                Optional<PointsLedger.Posted> expired = ledger.expire(program, a.id);
                assertThat(expired.isPresent()).isEqualTo(a.remaining.signum() > 0);
                if (expired.isPresent()) {
                    assertThat(store.allocations(expired.get().posting())).singleElement()
                            .satisfies(x -> assertThat(x.amount()).isEqualByComparingTo(a.remaining));
                    assertThat(ledger.expire(program, a.id).orElseThrow().replay()).isTrue();
                }
                a.remaining = BigDecimal.ZERO.setScale(2);
                a.status = "CLOSED";
            }
        }
    }

    private boolean redeem(ProgramId program, MemberId member, List<ModelAward> awards, BigDecimal amount,
            String key, List<Made> made) {
        BigDecimal available = sum(awards, "AVAILABLE");
        if (available.compareTo(amount) < 0) {
            assertThatThrownBy(() -> ledger.redeem(program, member, Unit.POINTS, amount, key, "reward", "tester"))
                    .isInstanceOfSatisfying(InsufficientPointsException.class,
                            e -> assertThat(e.shortfall()).isEqualByComparingTo(amount.subtract(available)));
            return false;
        }
        PointsLedger.Posted posted = ledger.redeem(program, member, Unit.POINTS, amount, key, "reward", "tester");
        List<ModelAward> order = awards.stream().filter(a -> a.status.equals("AVAILABLE") && a.remaining.signum() > 0)
                .sorted(Comparator.comparing((ModelAward a) -> a.expiresAt == null ? Instant.MAX : a.expiresAt)
                        .thenComparing(a -> a.earnedAt))
                .toList();
        List<UUID> expectedAwards = new ArrayList<>();
        BigDecimal left = amount;
        for (ModelAward a : order) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal part = a.remaining.min(left);
            a.remaining = a.remaining.subtract(part);
            if (a.remaining.signum() == 0) {
                a.status = "CLOSED";
            }
            left = left.subtract(part);
            expectedAwards.add(a.id);
        }
        assertThat(store.allocations(posted.posting()).stream().map(PointsStore.Allocation::award).toList())
                .as("soonest-expiring first").containsExactlyElementsOf(expectedAwards);
        made.add(new Made(key, amount, posted.posting()));
        return true;
    }

    private void reverse(Random random, ProgramId program, List<ModelAward> awards) {
        if (awards.isEmpty()) {
            return;
        }
        ModelAward a = awards.get(random.nextInt(awards.size()));
        Optional<PointsLedger.Posted> reversed = ledger.reverse(program, a.id, "contract ended");
        boolean wasPending = a.status.equals("PENDING");
        if (wasPending) {
            assertThat(reversed).isPresent();
            assertThat(reversed.get().replay()).isFalse();
            a.status = "CLOSED";
            a.remaining = BigDecimal.ZERO.setScale(2);
        } else {
            assertThat(reversed.filter(p -> !p.replay())).as("only pending awards reverse").isEmpty();
        }
    }

    private void check(ProgramId program, MemberId member, List<ModelAward> awards) {
        PointsStore.Balances b = store.balances(member, Unit.POINTS)
                .orElse(new PointsStore.Balances(BigDecimal.ZERO, BigDecimal.ZERO, 0));
        assertThat(b.available()).isEqualByComparingTo(sum(awards, "AVAILABLE"));
        assertThat(b.pending()).isEqualByComparingTo(sum(awards, "PENDING"));
        assertThat(b.available().signum()).isNotNegative();
        assertThat(b.pending().signum()).isNotNegative();
        for (ModelAward a : awards) {
            PointsStore.Award stored = store.award(a.id).orElseThrow();
            assertThat(stored.remaining()).as("award left").isEqualByComparingTo(a.remaining);
        }
        BigDecimal total = jdbc.sql("""
                SELECT coalesce(sum(e.amount), 0) FROM loyalty_entry e JOIN loyalty_posting p ON p.id = e.posting_id
                WHERE p.program_id = :p""").param("p", program.value()).query(BigDecimal.class).single();
        assertThat(total).as("the program's accounts sum to zero").isEqualByComparingTo("0");
        BigDecimal issued = jdbc.sql("""
                SELECT coalesce(sum(e.amount), 0) FROM loyalty_entry e JOIN loyalty_posting p ON p.id = e.posting_id
                WHERE p.program_id = :p AND e.account LIKE 'member:%'""").param("p", program.value())
                .query(BigDecimal.class).single();
        assertThat(issued).as("member accounts hold the balances").isEqualByComparingTo(b.available().add(b.pending()));
    }

    private static BigDecimal sum(List<ModelAward> awards, String status) {
        return awards.stream().filter(a -> a.status.equals(status)).map(a -> a.remaining)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
