package org.openetp.crm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.CrmService.Ctx;
import org.openetp.crm.CrmCommands.AdjustPlan;
import org.openetp.crm.CrmCommands.Decide;
import org.openetp.crm.CrmCommands.MoveDeal;
import org.openetp.crm.CrmCommands.NewActivity;
import org.openetp.crm.CrmCommands.NewDeal;
import org.openetp.crm.CrmViews.AccountView;
import org.openetp.crm.CrmViews.ActivityView;
import org.openetp.crm.CrmViews.BoardRow;
import org.openetp.crm.CrmViews.ConflictView;
import org.openetp.crm.CrmViews.ContactView;
import org.openetp.crm.CrmViews.DealDetail;
import org.openetp.crm.CrmViews.DealView;
import org.openetp.crm.CrmViews.ManagerView;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.Money;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.DecimalBounds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CRM's deals, activities, ownership conflicts and daily plans: a deal created and moved through its stages,
 * winning handing the client over to service, a logged touch that may open a conflict the head decides, the head's
 * live board. Every call finds the caller's sales team through {@link CrmService}.
 */
@Service
@Transactional
public class CrmDeals {

    private final CrmService crm;
    private final CrmStore store;
    private final ActivityStore activity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CrmDeals(CrmService crm, CrmStore store, ActivityStore activity, ApplicationEventPublisher events, Clock clock) {
        this.crm = crm;
        this.store = store;
        this.activity = activity;
        this.events = events;
        this.clock = clock;
    }

    // ---- deals

    public List<DealView> deals(CurrentUser user, @Nullable UUID org, @Nullable String stage, @Nullable UUID owner,
            @Nullable UUID account, @Nullable String q) {
        return store.deals(crm.context(user, org).org(), stage, owner, account, q);
    }

    public List<DealView> failures(CurrentUser user, @Nullable UUID org) {
        return store.failures(crm.context(user, org).org());
    }

    /** A new deal on an account, in RESEARCH, owned by the caller or the manager named. */
    public DealView createDeal(CurrentUser user, NewDeal form) {
        DecimalBounds.require(form);
        if (form.accountId() == null) {
            throw new InvalidInputException("accountId", "field.required");
        }
        Ctx ctx = crm.owning(user, store.accountOrganization(form.accountId()));
        Account account = store.account(ctx.org(), form.accountId(), true).orElseThrow();
        Checks checks = new Checks();
        String title = checks.text("title", form.title(), 300);
        BigDecimal value = checks.amount("value", form.value(), false);
        String currency = checks.currency("currency", form.currency());
        String next = checks.text("nextAction", form.nextAction(), 1000);
        LocalDate nextDate = checks.date("nextActionDate", form.nextActionDate(), true);
        checks.throwIfAny();
        if (form.ownerId() != null && !form.ownerId().equals(ctx.me().userId()) && !ctx.head()) {
            throw new ForbiddenException("crm.headOnly");
        }
        Manager owner = form.ownerId() == null ? ctx.me() : crm.managerOf(ctx, form.ownerId(), "ownerId");
        Instant now = clock.instant();
        Deal deal = new Deal(UUID.randomUUID(), ctx.org(), account.id(), title, value, currency, Stage.RESEARCH,
                null, null, null, next, nextDate, null);
        deal.assign(owner, account);
        store.insertDeal(deal, null, now);
        store.insertMove(deal.id(), null, Stage.RESEARCH, ctx.me().userId(), now, null);
        detectConflict(ctx.org(), account.id(), now);
        return store.dealView(ctx.org(), deal.id()).orElseThrow();
    }

    public DealDetail deal(CurrentUser user, UUID id) {
        Ctx ctx = crm.owning(user, store.dealOrganization(id));
        return new DealDetail(store.dealView(ctx.org(), id).orElseThrow(), store.history(ctx.org(), id));
    }

    /**
     * Moves a deal to a stage and logs the move. An unassigned lead goes to the manager who moves it; somebody
     * else's deal only the head may move. Winning an account's first deal hands the account over to service.
     */
    public DealDetail moveDeal(CurrentUser user, UUID id, MoveDeal form) {
        Ctx ctx = crm.owning(user, store.dealOrganization(id));
        Deal deal = store.deal(ctx.org(), id).orElseThrow();
        Account account = store.account(ctx.org(), deal.accountId(), true).orElseThrow();
        Checks checks = new Checks();
        Stage stage = checks.choice("stage", form.stage(), Stage.class, true);
        checks.optionalText("nextAction", form.nextAction(), 1000);
        LocalDate date = checks.date("nextActionDate", form.nextActionDate(), false);
        checks.throwIfAny();
        account.requireMayWork(ctx.me());
        if (deal.ownerId() == null) {
            deal.assign(ctx.me(), account);
        } else if (!deal.ownerId().equals(ctx.me().userId()) && !ctx.head()) {
            throw new ForbiddenException("crm.deal.notYours");
        }
        Instant now = clock.instant();
        Deal.Move move = deal.moveTo(stage, form.reason(), form.nextAction(), date, now);
        store.saveDeal(deal);
        store.insertMove(id, move.from(), move.to(), ctx.me().userId(), now, move.note());
        events.publishEvent(new DealMoved(ctx.org(), id, move.from().name(), move.to().name(), move.note(),
                ctx.me().userId(), now));
        if (deal.won()) {
            dealWon(ctx.org(), deal, now);
        }
        if (deal.won() && store.wonDeals(ctx.org(), account.id()) == 1) {
            handOver(ctx, account, now);
        }
        return deal(user, id);
    }

    private void dealWon(UUID org, Deal deal, Instant now) {
        CrmViews.AccountView client = store.accountView(org, deal.accountId()).orElseThrow();
        String email = store.contacts(org, deal.accountId(), null, null).stream().map(CrmViews.ContactView::email)
                .filter(e -> e != null && !e.isBlank()).findFirst().orElse(null);
        UUID linked = client.linkedOrganizationId();
        // Rounded, not refused: a deal's value is not checked against its currency's decimals (half a yen).
        events.publishEvent(new DealWon(new OrganizationId(org), deal.id(), deal.title(), client.id(), client.name(),
                linked == null ? null : new OrganizationId(linked), email,
                Money.rounded(deal.value(), deal.currency()), now));
    }

    /** The first won deal: the direct-sales owner gives the client to the service manager, or to the head. */
    private void handOver(Ctx ctx, Account account, Instant now) {
        Manager service = serviceOwner(ctx, account);
        if (service == null) {
            return;
        }
        account.handOverToService(service, now).ifPresent(h -> {
            store.saveAccount(account);
            String name = store.accountView(ctx.org(), account.id()).map(AccountView::name).orElse("");
            events.publishEvent(new AccountHandedOver(ctx.org(), account.id(), name, h.from(), h.to(), now));
        });
    }

    private @Nullable Manager serviceOwner(Ctx ctx, Account account) {
        UUID named = store.settings(ctx.org()).serviceManager();
        List<UUID> candidates = new ArrayList<>();
        if (named != null) {
            candidates.add(named);
        }
        candidates.addAll(store.heads(ctx.org()));
        for (UUID candidate : candidates) {
            Optional<Manager> manager = store.manager(ctx.org(), candidate);
            if (manager.isPresent() && (!account.reserved() || manager.get().headOffice())) {
                return manager.get();
            }
        }
        return null;
    }

    // ---- activities and conflicts

    /** Logs a call, meeting, e-mail or proposal on an account (and a deal of it); may open a conflict. */
    public ActivityView logActivity(CurrentUser user, NewActivity form) {
        if (form.accountId() == null) {
            throw new InvalidInputException("accountId", "field.required");
        }
        Ctx ctx = crm.owning(user, store.accountOrganization(form.accountId()));
        Account account = store.account(ctx.org(), form.accountId(), true).orElseThrow();
        Checks checks = new Checks();
        ActivityKind kind = checks.choice("kind", form.kind(), ActivityKind.class, true);
        String note = checks.optionalText("note", form.note(), 2000);
        if (form.dealId() != null && store.dealView(ctx.org(), form.dealId())
                .filter(d -> d.accountId().equals(account.id())).isEmpty()) {
            checks.add("dealId", "crm.deal.unknown");
        }
        checks.throwIfAny();
        account.requireMayWork(ctx.me());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        activity.insertActivity(ctx.org(), id, account.id(), form.dealId(), ctx.me(), kind, note, now);
        detectConflict(ctx.org(), account.id(), now);
        return activity.activities(ctx.org(), account.id(), null).stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow();
    }

    public List<ActivityView> activities(CurrentUser user, @Nullable UUID org, @Nullable UUID account,
            @Nullable UUID manager) {
        return activity.activities(crm.context(user, org).org(), account, manager);
    }

    private void detectConflict(UUID org, UUID account, Instant now) {
        if (Conflicts.inConflict(activity.touches(org, account, now.minus(Conflicts.WINDOW)), now)) {
            UUID id = UUID.randomUUID();
            if (activity.openConflict(org, id, account, now)) {
                String name = store.accountView(org, account).map(AccountView::name).orElse("");
                events.publishEvent(new ConflictOpened(org, id, account, name, now));
            }
        }
    }

    public List<ConflictView> conflicts(CurrentUser user, @Nullable UUID org) {
        Ctx ctx = crm.context(user, org);
        CrmService.requireHead(ctx);
        return conflictViews(ctx.org(), null);
    }

    public ConflictView conflict(CurrentUser user, UUID id) {
        Ctx ctx = crm.owning(user, activity.conflictOrganization(id));
        CrmService.requireHead(ctx);
        return conflictViews(ctx.org(), id).getFirst();
    }

    private List<ConflictView> conflictViews(UUID org, @Nullable UUID id) {
        return activity.conflicts(org, id).stream().map(c -> new ConflictView(c.id(), c.accountId(), c.accountName(),
                c.status(), c.openedAt(), c.winnerId(), c.winnerName(), c.winnerChannel(), c.reason(), c.decidedAt(),
                activity.contributions(org, c.accountId()))).toList();
    }

    /** The head decides which manager (and so which channel) keeps the account, with the reason; journaled. */
    public ConflictView decide(CurrentUser user, UUID id, Decide form) {
        Ctx ctx = crm.owning(user, activity.conflictOrganization(id));
        CrmService.requireHead(ctx);
        ConflictView conflict = conflictViews(ctx.org(), id).getFirst();
        Checks checks = new Checks();
        String reason = checks.text("reason", form.reason(), 1000);
        Set<UUID> contributors = conflict.contributions().stream().map(CrmViews.Contribution::managerId)
                .collect(Collectors.toSet());
        if (form.winnerId() == null) {
            checks.add("winnerId", "field.required");
        } else if (!contributors.contains(form.winnerId())) {
            checks.add("winnerId", "crm.conflict.notContributor");
        }
        checks.throwIfAny();
        Manager winner = crm.managerOf(ctx, form.winnerId(), "winnerId");
        Account account = store.account(ctx.org(), conflict.accountId(), true).orElseThrow();
        Instant now = clock.instant();
        if (!activity.decideConflict(ctx.org(), id, winner.userId(), winner.channel(), reason, ctx.me().userId(), now)) {
            throw new RuleViolationException("crm.conflict.decided");
        }
        account.keepFor(winner, contributors, now);
        store.saveAccount(account);
        events.publishEvent(new ConflictDecided(ctx.org(), id, account.id(), winner.userId(), winner.channel().name(),
                reason, ctx.me().userId(), now));
        return conflictViews(ctx.org(), id).getFirst();
    }

    // ---- plans and the board

    /** Sets a manager's daily plan: his own with a reason, or anybody's by the head; journaled. */
    public ManagerView adjustPlan(CurrentUser user, @Nullable UUID org, UUID member, AdjustPlan form) {
        DecimalBounds.require(form);
        Ctx ctx = crm.context(user, org);
        Manager target = member.equals(ctx.me().userId()) ? ctx.me() : crm.managerOf(ctx, member, "userId");
        Plan plan = Plan.adjust(ctx.me(), target, form.calls(), form.meetings(), form.contracts(), form.reason());
        store.updatePlan(ctx.org(), member, plan);
        events.publishEvent(new PlanAdjusted(ctx.org(), member, plan.calls(), plan.meetings(),
                plan.contracts().toPlainString(), plan.reason(), ctx.me().userId(), clock.instant()));
        return CrmService.view(store.manager(ctx.org(), member).orElseThrow());
    }

    /** Today's plan against what each manager did (UTC day), with his open deals: the head's live board. */
    public List<BoardRow> board(CurrentUser user, @Nullable UUID org) {
        Ctx ctx = crm.context(user, org);
        CrmService.requireHead(ctx);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return activity.board(ctx.org(), today.atStartOfDay(ZoneOffset.UTC).toInstant(),
                today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
