package org.openetp.loyalty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.ConflictException;
import org.openetp.shared.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points ledger (SPEC §8): every change is a balanced posting between a member's accounts (pending, available)
 * and the program's (issued, redeemed, expired), made once per idempotency key, unique in the database. A member's
 * balances of a unit live in one row changed by conditional updates, so they never go negative under any
 * concurrency; each award keeps what is left of it, and whatever takes points away takes them from the awards
 * expiring soonest, recording which. Every operation locks the balance row before the awards, always in that order.
 */
@Service
class PointsLedger {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** A posting's id, and whether it was made before under the same key (nothing changed this time). */
    record Posted(UUID posting, boolean replay) {
    }

    private final PointsStore store;
    private final Clock clock;

    PointsLedger(PointsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Earns {@code amount} as a new pending award (available at once when the lock has already passed). Returns the
     * award's id; empty for a replay.
     */
    @Transactional
    Optional<UUID> earn(ProgramId program, MemberId member, Unit unit, BigDecimal amount, @Nullable UUID earning,
            Instant earnedAt, Instant unlocksAt, @Nullable Instant expiresAt, String key, String memo, String actor) {
        requirePositive(amount);
        store.lockKey(key);
        if (replay(key, member, PostingKind.EARN, unit, amount).isPresent()) {
            return Optional.empty();
        }
        UUID award = UUID.randomUUID();
        store.insertAward(award, member, unit, earning, amount, "PENDING", earnedAt, unlocksAt, expiresAt);
        PointsStore.Balances after = store.add(member, unit, amount, ZERO);
        UUID posting = post(program, member, PostingKind.EARN, unit, amount, key, memo, actor,
                issued(program, unit), pending(member, unit));
        store.insertMovement(member, unit, posting, clock.instant(), amount, ZERO, after);
        if (!unlocksAt.isAfter(clock.instant())) {
            unlock(program, award);
        }
        return Optional.of(award);
    }

    /** Makes a pending award spendable once its lock has passed; empty when it is not pending any more. */
    @Transactional
    Optional<Posted> unlock(ProgramId program, UUID awardId) {
        return onAward(awardId, "PENDING", "unlock:" + awardId, (award, key) -> {
            BigDecimal r = award.remaining();
            PointsStore.Balances after = store.changeIfCovered(award.member(), award.unit(), r.negate(), r)
                    .orElseThrow();
            store.setStatus(award.id(), "AVAILABLE", false);
            UUID posting = post(program, award.member(), PostingKind.UNLOCK, award.unit(), r, key, "", "system",
                    pending(award.member(), award.unit()), available(award.member(), award.unit()));
            store.insertMovement(award.member(), award.unit(), posting, clock.instant(), r.negate(), r, after);
            return posting;
        });
    }

    /** Takes back a pending award (its contract ended within the lock period); empty when it is not pending. */
    @Transactional
    Optional<Posted> reverse(ProgramId program, UUID awardId, String memo) {
        return onAward(awardId, "PENDING", "reverse:" + awardId, (award, key) -> {
            BigDecimal r = award.remaining();
            PointsStore.Balances after = store.changeIfCovered(award.member(), award.unit(), r.negate(), ZERO)
                    .orElseThrow();
            store.setStatus(award.id(), "CLOSED", true);
            UUID posting = post(program, award.member(), PostingKind.REVERSE, award.unit(), r, key, memo, "system",
                    pending(award.member(), award.unit()), issued(program, award.unit()));
            store.insertMovement(award.member(), award.unit(), posting, clock.instant(), r.negate(), ZERO, after);
            return posting;
        });
    }

    /** Expires what is left of an available award; empty when nothing is left or it was expired before. */
    @Transactional
    Optional<Posted> expire(ProgramId program, UUID awardId) {
        return onAward(awardId, "AVAILABLE", "expire:" + awardId, (award, key) -> {
            BigDecimal r = award.remaining();
            PointsStore.Balances after = store.changeIfCovered(award.member(), award.unit(), ZERO, r.negate())
                    .orElseThrow();
            store.setStatus(award.id(), "CLOSED", true);
            UUID posting = post(program, award.member(), PostingKind.EXPIRE, award.unit(), r, key, "", "system",
                    available(award.member(), award.unit()), expired(program, award.unit()));
            store.allocate(posting, award.id(), r);
            store.insertMovement(award.member(), award.unit(), posting, clock.instant(), ZERO, r.negate(), after);
            return posting;
        });
    }

    /**
     * Spends {@code amount} of the member's available balance, soonest-expiring awards first, and records which.
     * Throws {@link InsufficientPointsException} with the shortfall when the balance does not cover it.
     */
    @Transactional
    Posted redeem(ProgramId program, MemberId member, Unit unit, BigDecimal amount, String key, String memo,
            String actor) {
        requirePositive(amount);
        store.lockKey(key);
        Optional<PointsStore.Stored> before = replay(key, member, PostingKind.REDEEM, unit, amount);
        if (before.isPresent()) {
            return new Posted(before.get().id(), true);
        }
        return new Posted(take(program, member, unit, amount, PostingKind.REDEEM, key, memo, actor,
                redeemed(program, unit)), false);
    }

    /**
     * Corrects a member's available balance with a reason: a positive amount adds an award expiring as given, a
     * negative one takes from the awards like a redemption (refused when not covered).
     */
    @Transactional
    Posted adjust(ProgramId program, MemberId member, Unit unit, BigDecimal signedAmount, @Nullable Instant expiresAt,
            String key, String reason, String actor) {
        if (signedAmount.signum() == 0) {
            throw new RuleViolationException("loyalty.amount.positive");
        }
        BigDecimal amount = signedAmount.abs();
        store.lockKey(key);
        Optional<PointsStore.Stored> before = replay(key, member, PostingKind.ADJUST, unit, signedAmount);
        if (before.isPresent()) {
            return new Posted(before.get().id(), true);
        }
        if (signedAmount.signum() < 0) {
            return new Posted(take(program, member, unit, amount, PostingKind.ADJUST, key, reason, actor,
                    issued(program, unit)), false);
        }
        Instant now = clock.instant();
        store.insertAward(UUID.randomUUID(), member, unit, null, amount, "AVAILABLE", now, now, expiresAt);
        PointsStore.Balances after = store.add(member, unit, ZERO, amount);
        UUID posting = post(program, member, PostingKind.ADJUST, unit, signedAmount, key, reason, actor,
                issued(program, unit), available(member, unit));
        store.insertMovement(member, unit, posting, now, ZERO, amount, after);
        return new Posted(posting, false);
    }

    java.time.Instant now() {
        return clock.instant();
    }

    /** Which awards a posting of the member took from. */
    List<PointsStore.Allocation> allocations(ProgramStore.Member member, UUID posting) {
        return store.postingMember(posting).filter(member.id()::equals).map(m -> store.allocations(posting))
                .orElse(List.of());
    }

    private UUID take(ProgramId program, MemberId member, Unit unit, BigDecimal amount, PostingKind kind, String key,
            String memo, String actor, String to) {
        PointsStore.Balances after = store.changeIfCovered(member, unit, ZERO, amount.negate())
                .orElseThrow(() -> new InsufficientPointsException(unit, amount.subtract(
                        store.balances(member, unit).map(PointsStore.Balances::available).orElse(ZERO))));
        BigDecimal postingAmount = kind == PostingKind.ADJUST ? amount.negate() : amount;
        UUID posting = post(program, member, kind, unit, postingAmount, key, memo, actor, available(member, unit), to);
        BigDecimal left = amount;
        for (PointsStore.Award award : store.spendable(member, unit)) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal part = award.remaining().min(left);
            store.take(award.id(), part);
            store.allocate(posting, award.id(), part);
            left = left.subtract(part);
        }
        if (left.signum() != 0) {
            throw new IllegalStateException("Awards of member " + member + " do not cover its balance");
        }
        store.insertMovement(member, unit, posting, clock.instant(), ZERO, amount.negate(), after);
        return posting;
    }

    private interface AwardChange {
        UUID apply(PointsStore.Award award, String key);
    }

    /** Runs a change on one award in the state expected, under its member's balance lock, once per key. */
    private Optional<Posted> onAward(UUID awardId, String status, String key, AwardChange change) {
        PointsStore.Award seen = store.award(awardId).orElseThrow();
        store.lockKey(key);
        Optional<PointsStore.Stored> before = store.postingByKey(key);
        if (before.isPresent()) {
            return Optional.of(new Posted(before.get().id(), true));
        }
        store.lockBalance(seen.member(), seen.unit());
        PointsStore.Award award = store.award(awardId).orElseThrow();
        if (!award.status().equals(status) || award.remaining().signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Posted(change.apply(award, key), false));
    }

    private Optional<PointsStore.Stored> replay(String key, MemberId member, PostingKind kind, Unit unit,
            BigDecimal amount) {
        Optional<PointsStore.Stored> stored = store.postingByKey(key);
        stored.ifPresent(s -> {
            boolean same = s.member().equals(member) && s.kind() == kind && s.unit() == unit
                    && (s.amount().compareTo(amount) == 0 || s.amount().compareTo(amount.negate()) == 0);
            if (!same) {
                throw new ConflictException("Idempotency-Key", "loyalty.key.reused");
            }
        });
        return stored;
    }

    private UUID post(ProgramId program, MemberId member, PostingKind kind, Unit unit, BigDecimal amount, String key,
            String memo, String actor, String from, String to) {
        UUID id = UUID.randomUUID();
        BigDecimal moved = amount.abs();
        store.insertPosting(id, program, member, kind, unit, amount, key, memo, actor, clock.instant(),
                List.of(new String[] {from, moved.negate().toPlainString()}, new String[] {to, moved.toPlainString()}));
        return id;
    }

    private static void requirePositive(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new RuleViolationException("loyalty.amount.positive");
        }
    }

    static String pending(MemberId member, Unit unit) {
        return "member:" + member + ":" + unit + ":pending";
    }

    static String available(MemberId member, Unit unit) {
        return "member:" + member + ":" + unit + ":available";
    }

    static String issued(ProgramId program, Unit unit) {
        return "program:" + program + ":" + unit + ":issued";
    }

    static String redeemed(ProgramId program, Unit unit) {
        return "program:" + program + ":" + unit + ":redeemed";
    }

    static String expired(ProgramId program, Unit unit) {
        return "program:" + program + ":" + unit + ":expired";
    }
}
