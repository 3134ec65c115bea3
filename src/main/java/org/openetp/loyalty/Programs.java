package org.openetp.loyalty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seller's side: programs and their rule versions, the rewards catalogue, members, fulfilment and the program
 * report. A change of rules adds a version that applies from now on; nothing earned is re-priced.
 */
@Service
class Programs {

    private final ProgramStore programs;
    private final CatalogueStore catalogue;
    private final LoyaltyAccess access;
    private final Clock clock;

    Programs(ProgramStore programs, CatalogueStore catalogue, LoyaltyAccess access, Clock clock) {
        this.programs = programs;
        this.catalogue = catalogue;
        this.access = access;
        this.clock = clock;
    }

    /** Defines a program of the caller's organization (its admin only); returns it. */
    @Transactional
    public ProgramView define(CurrentUser user, @Nullable UUID organizationId, DefineProgram form) {
        UUID seller = access.organization(user, organizationId);
        access.requireAdmin(user, seller, "Organization");
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        ProgramRules.Head head = ProgramRules.head(form, today(), errors);
        Rules rules = ProgramRules.rules(form, 1, now, errors);
        ProgramStore.Program program = new ProgramStore.Program(ProgramId.random(), seller, head.name(),
                head.currency(), head.startsOn(), head.endsOn(), 1);
        programs.insertProgram(program, now);
        programs.insertRules(program.id(), rules);
        return view(program);
    }

    /** Changes a program for the future: a new version of its rules from now on; the currency stays. */
    @Transactional
    public ProgramView change(CurrentUser user, ProgramId id, DefineProgram form) {
        ProgramStore.Program program = programs.programForUpdate(id).orElseThrow(() -> new NotFoundException("Program"));
        access.requireAdmin(user, program.seller(), "Program");
        List<FieldError> errors = new ArrayList<>();
        ProgramRules.Head head = ProgramRules.head(form, program.startsOn(), errors);
        errors.removeIf(e -> e.field().equals("currency"));
        if (form.currency() != null && !form.currency().strip().equalsIgnoreCase(program.currency())) {
            errors.add(new FieldError("currency", "loyalty.currency.fixed"));
        }
        int version = program.rulesVersion() + 1;
        Rules rules = ProgramRules.rules(form, version, clock.instant(), errors);
        programs.insertRules(id, rules);
        ProgramStore.Program changed = new ProgramStore.Program(id, program.seller(), head.name(),
                program.currency(), head.startsOn(), head.endsOn(), version);
        programs.updateProgram(changed);
        return view(changed);
    }

    /** The caller's organization's programs. */
    @Transactional(readOnly = true)
    public List<ProgramView> mine(CurrentUser user, @Nullable UUID organizationId) {
        UUID seller = access.organization(user, organizationId);
        return programs.programsOf(seller).stream().map(this::view).toList();
    }

    /** One program, to its seller's members only. */
    @Transactional(readOnly = true)
    public ProgramView program(CurrentUser user, ProgramId id) {
        return view(owned(user, id));
    }

    /** The program's members with balances and tiers, to its seller's members only. */
    @Transactional(readOnly = true)
    public List<MemberView> members(CurrentUser user, ProgramId id) {
        ProgramStore.Program program = owned(user, id);
        return programs.members(id, programs.rules(id, program.rulesVersion()));
    }

    /** What a member earned, newest first (the last 500), to the program's seller. */
    @Transactional(readOnly = true)
    public List<EarningView> earnings(CurrentUser user, ProgramId id, MemberId member) {
        owned(user, id);
        programs.member(member).filter(m -> m.program().equals(id)).orElseThrow(() -> new NotFoundException("Member"));
        return catalogue.earningsOfMember(member, 500).stream().map(e -> new EarningView(e.id(), e.source(),
                e.description(), e.value(), e.rulesVersion(), e.multiplier(), e.points(), e.credit(), e.earnedAt(),
                e.reversedAt())).toList();
    }

    /** Adds a reward to the program's catalogue (the seller's admin). */
    @Transactional
    public RewardView addReward(CurrentUser user, ProgramId id, NewReward form) {
        ProgramStore.Program program = owned(user, id);
        access.requireAdmin(user, program.seller(), "Program");
        RewardView reward = checked(id, form);
        catalogue.insertReward(reward, clock.instant());
        return reward;
    }

    /** Takes a reward out of the catalogue or puts it back (the seller's admin). */
    @Transactional
    public RewardView setRewardActive(CurrentUser user, ProgramId id, UUID rewardId, boolean active) {
        ProgramStore.Program program = owned(user, id);
        access.requireAdmin(user, program.seller(), "Program");
        RewardView reward = catalogue.reward(rewardId).filter(r -> r.programId().equals(id.value()))
                .orElseThrow(() -> new NotFoundException("Reward"));
        catalogue.setRewardActive(reward.id(), active);
        return catalogue.reward(rewardId).orElseThrow();
    }

    /** The whole catalogue of the program, to its seller. */
    @Transactional(readOnly = true)
    public List<RewardView> rewards(CurrentUser user, ProgramId id) {
        owned(user, id);
        return catalogue.rewards(id, false);
    }

    /** The program's redemptions, newest first, to its seller. */
    @Transactional(readOnly = true)
    public List<RedemptionView> redemptions(CurrentUser user, ProgramId id) {
        owned(user, id);
        return catalogue.redemptions(id, null, null);
    }

    /** The seller marks a redemption fulfilled (a money credit: settled), with its settlement reference. */
    @Transactional
    public RedemptionView fulfil(CurrentUser user, ProgramId id, UUID redemption, @Nullable String settlement) {
        ProgramStore.Program program = owned(user, id);
        access.requireAdmin(user, program.seller(), "Program");
        RedemptionView found = catalogue.redemptions(id, null, redemption).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Redemption"));
        String note = settlement == null || settlement.isBlank() ? null : settlement.strip();
        if (note != null && note.length() > 500) {
            throw new InvalidInputException("settlement", "loyalty.settlement.tooLong");
        }
        if (!catalogue.fulfil(found.id(), user.id().value(), note, clock.instant())) {
            throw new RuleViolationException("loyalty.redemption.fulfilled");
        }
        return catalogue.redemptions(id, null, redemption).getFirst();
    }

    /** The program report for {@code [from, to)}: members per tier, points issued, redeemed, expired, outstanding. */
    @Transactional(readOnly = true)
    public ProgramReport report(CurrentUser user, ProgramId id, Instant from, Instant to) {
        ProgramStore.Program program = owned(user, id);
        Rules rules = programs.rules(id, program.rulesVersion());
        List<ProgramReport.TierCount> tiers = catalogue.membersPerTier(id).stream()
                .map(r -> new ProgramReport.TierCount((int) r[0], rules.tierName((int) r[0]), r[1])).toList();
        CatalogueStore.Totals t = catalogue.totals(id, from, to);
        return new ProgramReport(id.value(), program.name(), program.currency(), from, to, tiers, t.issued(),
                t.redeemed(), t.expired(), t.reversed(), t.outstanding(), t.creditIssued(), t.creditOutstanding(),
                t.creditRedeemed(), t.creditNotesOpen());
    }

    /** Whether the caller is a member of the program's seller (a program that does not exist: false). */
    @Transactional(readOnly = true)
    public boolean sellsAs(CurrentUser user, ProgramId id) {
        return programs.program(id).map(p -> access.memberOf(user, p.seller())).orElse(false);
    }

    ProgramStore.Program owned(CurrentUser user, ProgramId id) {
        ProgramStore.Program program = programs.program(id).orElseThrow(() -> new NotFoundException("Program"));
        access.requireMember(user, program.seller(), "Program");
        return program;
    }

    ProgramView view(ProgramStore.Program p) {
        Rules r = programs.rules(p.id(), p.rulesVersion());
        return new ProgramView(p.id().value(), p.seller(), access.name(p.seller()), p.name(), p.currency(),
                p.startsOn(), p.endsOn(), p.rulesVersion(), r.pointsPerUnit(), r.cashbackPercent(), r.expiry().text(),
                r.lockPeriod().text(), r.categoryRates(), r.tiers(), r.validFrom());
    }

    private static RewardView checked(ProgramId id, NewReward form) {
        List<FieldError> errors = new ArrayList<>();
        RewardKind kind = null;
        try {
            kind = RewardKind.valueOf(form.kind() == null ? "" : form.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "loyalty.reward.kind.invalid"));
        }
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "loyalty.name.invalid"));
        }
        String description = form.description() == null ? "" : form.description().strip();
        if (description.length() > 1000) {
            errors.add(new FieldError("description", "loyalty.description.tooLong"));
        }
        BigDecimal points = form.points();
        if (points == null || points.signum() <= 0 || points.scale() > 0 && points.stripTrailingZeros().scale() > 0
                || points.compareTo(new BigDecimal("1000000000")) > 0) {
            errors.add(new FieldError("points", "loyalty.reward.points.invalid"));
        }
        BigDecimal credit = form.creditAmount();
        if (kind == RewardKind.MONEY_CREDIT && (credit == null || credit.signum() <= 0 || credit.scale() > 2
                || credit.compareTo(new BigDecimal("1000000000")) > 0)) {
            errors.add(new FieldError("creditAmount", "loyalty.reward.credit.invalid"));
        }
        if (form.stock() != null && (form.stock() < 0 || form.stock() > 1_000_000)) {
            errors.add(new FieldError("stock", "loyalty.reward.stock.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new RewardView(UUID.randomUUID(), id.value(), kind, name, description, points.setScale(2),
                kind == RewardKind.MONEY_CREDIT ? credit.setScale(2) : null, form.stock(), true);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
