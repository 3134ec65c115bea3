package org.openetp.loyalty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client company's side: its balances with each seller, the catalogues it may redeem from, redemptions (its
 * admin only) and its history. A client sees only its own memberships.
 */
@Service
class ClientLoyalty {

    static final Duration EXPIRING_SOON = Duration.ofDays(30);

    private final ProgramStore programs;
    private final CatalogueStore catalogue;
    private final PointsLedger ledger;
    private final LoyaltyAccess access;
    private final Clock clock;

    ClientLoyalty(ProgramStore programs, CatalogueStore catalogue, PointsLedger ledger, LoyaltyAccess access,
            Clock clock) {
        this.programs = programs;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.access = access;
        this.clock = clock;
    }

    /** The caller's organization's balances in every program it is a member of. */
    @Transactional(readOnly = true)
    public List<BalanceView> balances(CurrentUser user, @Nullable UUID organizationId) {
        UUID client = access.organization(user, organizationId);
        return programs.membershipsOf(client).stream().map(this::balance).toList();
    }

    BalanceView balance(ProgramStore.Member member) {
        ProgramStore.Program p = programs.program(member.program()).orElseThrow();
        Rules rules = programs.rules(p.id(), p.rulesVersion());
        MemberView m = programs.memberView(member.id(), rules).orElseThrow();
        return new BalanceView(p.id().value(), p.name(), p.seller(), access.name(p.seller()), m.id(), m.available(),
                m.pending(), m.tier(), catalogue.expiringBefore(member.id(), clock.instant().plus(EXPIRING_SOON)),
                m.creditAvailable(), m.creditPending(), p.currency());
    }

    /** The caller's organization's membership of a program; a program it is no member of does not exist for it. */
    @Transactional(readOnly = true)
    public ProgramStore.Member membership(CurrentUser user, ProgramId program, @Nullable UUID organizationId) {
        UUID client = access.organization(user, organizationId);
        return programs.memberOf(program, client).orElseThrow(() -> new NotFoundException("Program"));
    }

    /** The active rewards of a program the caller's organization is a member of. */
    @Transactional(readOnly = true)
    public List<RewardView> rewards(CurrentUser user, ProgramId program, @Nullable UUID organizationId) {
        membership(user, program, organizationId);
        return catalogue.rewards(program, true);
    }

    /**
     * The client's admin redeems a reward: its points come off the available balance, soonest-expiring first, and
     * a limited stock loses one. Once per idempotency key: a replay answers the first redemption.
     */
    @Transactional
    public RedemptionView redeem(CurrentUser user, ProgramId program, @Nullable UUID organizationId, UUID rewardId,
            String idempotencyKey) {
        String key = idempotencyKey.strip();
        if (key.isEmpty() || key.length() > 100) {
            throw new InvalidInputException("Idempotency-Key", "loyalty.key.invalid");
        }
        ProgramStore.Member member = membership(user, program, organizationId);
        access.requireAdmin(user, member.client(), "Program");
        RewardView reward = catalogue.reward(rewardId).filter(r -> r.programId().equals(program.value()))
                .orElseThrow(() -> new NotFoundException("Reward"));
        if (!reward.active()) {
            throw new RuleViolationException("loyalty.reward.inactive");
        }
        PointsLedger.Posted posted = ledger.redeem(program, member.id(), Unit.POINTS, reward.points(),
                "redeem:" + member.id() + ":" + key, reward.name(), user.id().toString());
        if (posted.replay()) {
            UUID existing = catalogue.redemptionOfPosting(posted.posting()).orElseThrow();
            RedemptionView first = catalogue.redemptions(program, member.id(), existing).getFirst();
            if (!first.rewardId().equals(rewardId)) {
                throw new org.openetp.shared.ConflictException("Idempotency-Key", "loyalty.key.reused");
            }
            return first;
        }
        if (reward.stock() != null && !catalogue.takeStock(reward.id())) {
            throw new RuleViolationException("loyalty.reward.outOfStock");
        }
        UUID id = UUID.randomUUID();
        catalogue.insertRedemption(id, program, member.id(), reward, posted.posting(), user.id().value(),
                clock.instant());
        return catalogue.redemptions(program, member.id(), id).getFirst();
    }

    /** The caller's organization's redemptions in a program, newest first. */
    @Transactional(readOnly = true)
    public List<RedemptionView> redemptions(CurrentUser user, ProgramId program, @Nullable UUID organizationId) {
        ProgramStore.Member member = membership(user, program, organizationId);
        return catalogue.redemptions(program, member.id(), null);
    }

    /** Which awards a redemption took its points from (its own client's members only). */
    @Transactional(readOnly = true)
    public List<PointsStore.Allocation> allocationsOf(ProgramStore.Member member, UUID posting) {
        return ledger.allocations(member, posting);
    }

    Instant now() {
        return clock.instant();
    }
}
