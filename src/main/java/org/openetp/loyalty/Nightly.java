package org.openetp.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly run (db-scheduler, see {@link LoyaltySchedule}), by the injected clock: pending awards whose lock has
 * passed become available, awards past their expiry expire, every program's tiers are recomputed from the rolling 12
 * months (clients told of a change; the multiplier applies from the next earning), and clients are told of points
 * expiring within 30 days, once per award. Each step works in batches of short transactions, and each change is a
 * keyed posting, so a run cut short by a restart is simply finished by the next one.
 */
@Service
public class Nightly {

    private static final int BATCH = 500;

    /** What one run did, for the log and the benchmark. */
    public record Outcome(int unlocked, int expired, int tierChanges, int notices) {
    }

    private final PointsStore points;
    private final PointsLedger ledger;
    private final ProgramStore programs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Nightly(PointsStore points, PointsLedger ledger, ProgramStore programs, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock) {
        this.points = points;
        this.ledger = ledger;
        this.programs = programs;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Runs every step once. */
    public Outcome run() {
        int unlocked = unlockDue();
        int expired = expireDue();
        int tiers = recomputeTiers();
        int notices = tellExpiringSoon();
        return new Outcome(unlocked, expired, tiers, notices);
    }

    int unlockDue() {
        int done = 0;
        while (true) {
            Instant now = clock.instant();
            List<UUID> due = points.dueToUnlock(now, BATCH);
            if (due.isEmpty()) {
                return done;
            }
            int n = inOneTransaction(due, true);
            if (n == 0) {
                return done; // nothing in the batch could change (another node took it): stop, do not spin
            }
            done += n;
        }
    }

    int expireDue() {
        int done = 0;
        while (true) {
            List<UUID> due = points.dueToExpire(clock.instant(), BATCH);
            if (due.isEmpty()) {
                return done;
            }
            int n = inOneTransaction(due, false);
            if (n == 0) {
                return done;
            }
            done += n;
        }
    }

    private int inOneTransaction(List<UUID> awards, boolean unlock) {
        Integer done = transactions.execute(status -> {
            int n = 0;
            for (UUID award : awards) {
                ProgramId program = points.programOfAward(award);
                boolean changed = (unlock ? ledger.unlock(program, award) : ledger.expire(program, award))
                        .isPresent();
                n += changed ? 1 : 0;
            }
            return n;
        });
        return done == null ? 0 : done;
    }

    int recomputeTiers() {
        int changes = 0;
        Instant now = clock.instant();
        Instant since = now.atZone(ZoneOffset.UTC).minusMonths(12).toInstant();
        for (ProgramId id : programs.allPrograms()) {
            Integer n = transactions.execute(status -> {
                ProgramStore.Program program = programs.program(id).orElseThrow();
                Rules rules = programs.rules(id, program.rulesVersion());
                List<ProgramStore.TierChange> changed = programs.recomputeTiers(id, program.rulesVersion(), since,
                        now);
                for (ProgramStore.TierChange c : changed) {
                    events.publishEvent(new LoyaltyTierChanged(id, program.name(), program.seller(), c.client(),
                            rules.tierName(c.from()), rules.tierName(c.to()), now));
                }
                return changed.size();
            });
            changes += n == null ? 0 : n;
        }
        return changes;
    }

    int tellExpiringSoon() {
        int told = 0;
        while (true) {
            Instant now = clock.instant();
            List<PointsStore.Expiring> batch = transactions.execute(status -> {
                List<PointsStore.Expiring> claimed = points.claimExpiryNotices(now,
                        now.plus(ClientLoyalty.EXPIRING_SOON), BATCH);
                claimed.stream().filter(e -> e.client() != null).forEach(e -> events.publishEvent(
                        new LoyaltyPointsExpiring(e.program(), e.programName(), e.client(), e.award(), e.remaining(),
                                e.expiresAt())));
                return claimed;
            });
            if (batch == null || batch.isEmpty()) {
                return told;
            }
            told += batch.size();
        }
    }
}
