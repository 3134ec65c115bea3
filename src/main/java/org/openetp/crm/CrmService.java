package org.openetp.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Classifier;
import org.openetp.crm.CrmCommands.AdjustPlan;
import org.openetp.crm.CrmCommands.AssignOwner;
import org.openetp.crm.CrmCommands.ChangeSettings;
import org.openetp.crm.CrmCommands.Decide;
import org.openetp.crm.CrmCommands.ManagerProfile;
import org.openetp.crm.CrmCommands.MoveDeal;
import org.openetp.crm.CrmCommands.NewAccount;
import org.openetp.crm.CrmCommands.NewActivity;
import org.openetp.crm.CrmCommands.NewCompetitor;
import org.openetp.crm.CrmCommands.NewCompetitorClient;
import org.openetp.crm.CrmCommands.NewContact;
import org.openetp.crm.CrmCommands.NewDeal;
import org.openetp.crm.CrmCommands.NewQuote;
import org.openetp.crm.CrmCommands.NewSegment;
import org.openetp.crm.CrmCommands.NewSpend;
import org.openetp.crm.CrmCommands.NewSupplier;
import org.openetp.crm.CrmViews.AccountDetail;
import org.openetp.crm.CrmViews.AccountView;
import org.openetp.crm.CrmViews.ActivityView;
import org.openetp.crm.CrmViews.BoardRow;
import org.openetp.crm.CrmViews.ChannelEconomics;
import org.openetp.crm.CrmViews.CompetitorView;
import org.openetp.crm.CrmViews.ConflictView;
import org.openetp.crm.CrmViews.ContactView;
import org.openetp.crm.CrmViews.DealDetail;
import org.openetp.crm.CrmViews.DealView;
import org.openetp.crm.CrmViews.Economics;
import org.openetp.crm.CrmViews.ManagerView;
import org.openetp.crm.CrmViews.NicheMargin;
import org.openetp.crm.CrmViews.PriceFork;
import org.openetp.crm.CrmViews.QuoteView;
import org.openetp.crm.CrmViews.SegmentView;
import org.openetp.crm.CrmViews.SettingsView;
import org.openetp.crm.CrmViews.SpendView;
import org.openetp.crm.CrmViews.SupplierView;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.UserId;
import org.openetp.organization.Member;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.DecimalBounds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CRM's use cases. Every call first finds the caller's sales team: the organization he works for with a sales
 * role. An id of another organization's record answers "not found", exactly like an id that does not exist.
 */
@Service
@Transactional // reads too: a member's CRM profile is made on his first visit
public class CrmService {

    /** Roles that make a member part of the sales team. */
    static final Set<Role> SALES_ROLES = EnumSet.of(Role.SUPPLIER, Role.SALES_MANAGER, Role.HEAD_OF_SALES, Role.ADMIN);

    /** The caller acting in one organization's CRM. */
    record Ctx(UUID org, Manager me, CurrentUser user) {

        boolean head() {
            return me.head();
        }
    }

    private final CrmStore store;
    private final Organizations organizations;
    private final Classifier classifier;
    private final ApplicationEventPublisher events;
    private final CsvImport imports;
    private final Clock clock;

    CrmService(CrmStore store, Organizations organizations, Classifier classifier, ApplicationEventPublisher events,
            CsvImport imports, Clock clock) {
        this.imports = imports;
        this.store = store;
        this.organizations = organizations;
        this.classifier = classifier;
        this.events = events;
        this.clock = clock;
    }

    // ---- who is who

    /** The organizations in which the user belongs to the sales team. */
    public List<Membership> salesTeams(UserId user) {
        return organizations.membershipsOf(user).stream()
                .filter(m -> m.roles().stream().anyMatch(SALES_ROLES::contains)).toList();
    }

    /** The caller's CRM in the organization given, or in his only sales team. */
    Ctx context(CurrentUser user, @Nullable UUID organizationId) {
        List<Membership> teams = salesTeams(user.id());
        Membership team;
        if (organizationId != null) {
            team = teams.stream().filter(m -> m.organization().value().equals(organizationId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("Organization"));
        } else if (teams.size() == 1) {
            team = teams.getFirst();
        } else if (teams.isEmpty()) {
            throw new ForbiddenException("crm.notInSalesTeam");
        } else {
            throw new InvalidInputException("organizationId", "crm.organization.choose");
        }
        return new Ctx(team.organization().value(), ensureManager(team, user), user);
    }

    /** The caller's CRM in the organization a record belongs to; not found when he is not in its sales team. */
    Ctx owning(CurrentUser user, Optional<UUID> organization) {
        UUID org = organization.orElseThrow(() -> new NotFoundException("Record"));
        Membership team = salesTeams(user.id()).stream().filter(m -> m.organization().value().equals(org))
                .findFirst().orElseThrow(() -> new NotFoundException("Record"));
        return new Ctx(org, ensureManager(team, user), user);
    }

    private Manager ensureManager(Membership team, CurrentUser user) {
        UUID org = team.organization().value();
        return store.manager(org, user.id().value()).orElseGet(() -> {
            store.insertManager(org, defaultProfile(user.id().value(), user.fullName(), team.roles()));
            return store.manager(org, user.id().value()).orElseThrow();
        });
    }

    /** The organization's admin and head of sales head the team by default and work at the head office. */
    private static Manager defaultProfile(UUID user, String name, Set<Role> roles) {
        boolean head = roles.contains(Role.ADMIN) || roles.contains(Role.HEAD_OF_SALES);
        return new Manager(user, name, Channel.KEY_ACCOUNTS, head, head, Plan.DEFAULT);
    }

    /** A member of the ctx's sales team, by user id; his profile is made when he has none yet. */
    private Manager managerOf(Ctx ctx, UUID user, String field) {
        Optional<Manager> known = store.manager(ctx.org(), user);
        if (known.isPresent()) {
            return known.get();
        }
        Member member = organizations.members(ctx.user(), new OrganizationId(ctx.org())).stream()
                .filter(m -> m.user().value().equals(user) && m.roles().stream().anyMatch(SALES_ROLES::contains))
                .findFirst().orElseThrow(() -> new InvalidInputException(field, "crm.manager.unknown"));
        store.insertManager(ctx.org(), defaultProfile(user, member.fullName(), member.roles()));
        return store.manager(ctx.org(), user).orElseThrow();
    }

    private static void requireHead(Ctx ctx) {
        if (!ctx.head()) {
            throw new ForbiddenException("crm.headOnly");
        }
    }

    /** The caller's own profile. */
    public ManagerView me(CurrentUser user, @Nullable UUID org) {
        Ctx ctx = context(user, org);
        return view(ctx.me());
    }

    /** The sales team: every member with a sales role, with his profile and plan. */
    public List<ManagerView> managers(CurrentUser user, @Nullable UUID org) {
        Ctx ctx = context(user, org);
        for (Member member : organizations.members(user, new OrganizationId(ctx.org()))) {
            if (member.roles().stream().anyMatch(SALES_ROLES::contains)) {
                store.insertManager(ctx.org(), defaultProfile(member.user().value(), member.fullName(),
                        member.roles()));
            }
        }
        return store.managers(ctx.org());
    }

    /** The head sets a member's channel, head-office flag and head flag. */
    public ManagerView updateManager(CurrentUser user, @Nullable UUID org, UUID member, ManagerProfile profile) {
        Ctx ctx = context(user, org);
        requireHead(ctx);
        Manager target = managerOf(ctx, member, "userId");
        Checks checks = new Checks();
        Channel channel = checks.choice("channel", profile.channel(), Channel.class, false);
        checks.throwIfAny();
        boolean head = profile.head() == null ? target.head() : profile.head();
        if (!head && target.userId().equals(ctx.me().userId())) {
            throw new InvalidInputException("head", "crm.head.self");
        }
        store.updateProfile(ctx.org(), member, channel == null ? target.channel() : channel,
                profile.headOffice() == null ? target.headOffice() : profile.headOffice(), head);
        return view(store.manager(ctx.org(), member).orElseThrow());
    }

    public SettingsView settings(CurrentUser user, @Nullable UUID org) {
        return store.settings(context(user, org).org());
    }

    /** The head names the service manager who takes won clients over, and the regions leads come from. */
    public SettingsView changeSettings(CurrentUser user, @Nullable UUID org, ChangeSettings change) {
        Ctx ctx = context(user, org);
        requireHead(ctx);
        if (change.serviceManager() != null) {
            managerOf(ctx, change.serviceManager(), "serviceManager");
        }
        List<String> regions = change.leadRegions() == null ? List.of() : change.leadRegions().stream()
                .filter(r -> r != null && !r.isBlank()).map(String::strip).distinct().toList();
        if (regions.stream().anyMatch(r -> !classifier.regionExists(r))) {
            throw new InvalidInputException("leadRegions", "region.unknown");
        }
        store.saveSettings(ctx.org(), change.serviceManager(), regions);
        return store.settings(ctx.org());
    }

    // ---- accounts

    public List<AccountView> accounts(CurrentUser user, @Nullable UUID org, @Nullable String q,
            @Nullable String region, @Nullable Boolean reserved, @Nullable UUID owner, @Nullable String channel) {
        return store.accounts(context(user, org).org(), q, region, reserved, owner, channel);
    }

    /** A new account found by the caller, linked to the platform organization with its tax id when there is one. */
    public AccountView createAccount(CurrentUser user, @Nullable UUID org, NewAccount form) {
        DecimalBounds.require(form);
        Ctx ctx = context(user, org);
        UUID id = UUID.randomUUID();
        createAccount(ctx, id, form);
        return store.accountView(ctx.org(), id).orElseThrow();
    }

    private void createAccount(Ctx ctx, UUID id, NewAccount form) {
        Checks checks = new Checks();
        String name = checks.text("name", form.name(), 300);
        String taxId = checks.optionalText("taxId", form.taxId(), 40);
        String region = checks.optionalText("region", form.region(), 10);
        if (region != null && !classifier.regionExists(region)) {
            checks.add("region", "region.unknown");
        }
        checks.optionalAmount("purchaseVolume", form.purchaseVolume());
        checks.optionalText("marketRole", form.marketRole(), 100);
        boolean reserved = Boolean.TRUE.equals(form.reserved());
        if (reserved && !ctx.head()) {
            checks.add("reserved", "crm.reserved.headOnly");
        }
        UUID linked = taxId == null ? null : organizations.findByTaxId(taxId).map(OrganizationId::value)
                .orElse(null);
        if (linked != null && store.linkedTaken(ctx.org(), linked, null)) {
            checks.add("taxId", "crm.account.duplicate");
        }
        checks.throwIfAny();
        Account account = Account.found(id, ctx.org(), reserved, ctx.me(), clock.instant());
        store.insertAccount(account, form, name, taxId, linked, clock.instant());
    }

    public AccountDetail account(CurrentUser user, UUID id) {
        Ctx ctx = owning(user, store.accountOrganization(id));
        AccountView account = store.accountView(ctx.org(), id).orElseThrow(() -> new NotFoundException("Account"));
        return new AccountDetail(account, store.ledger(ctx.org(), id), store.contacts(ctx.org(), id, null, null),
                store.deals(ctx.org(), null, null, id, null), store.activities(ctx.org(), id, null));
    }

    /** Edits an account's facts; only the head marks it reserved or frees it. */
    public AccountView updateAccount(CurrentUser user, UUID id, NewAccount form) {
        DecimalBounds.require(form);
        Ctx ctx = owning(user, store.accountOrganization(id));
        AccountView current = store.accountView(ctx.org(), id).orElseThrow(() -> new NotFoundException("Account"));
        Account account = store.account(ctx.org(), id, true).orElseThrow();
        account.requireMayWork(ctx.me());
        Checks checks = new Checks();
        String name = checks.text("name", form.name(), 300);
        String taxId = checks.optionalText("taxId", form.taxId(), 40);
        String region = checks.optionalText("region", form.region(), 10);
        if (region != null && !classifier.regionExists(region)) {
            checks.add("region", "region.unknown");
        }
        checks.optionalAmount("purchaseVolume", form.purchaseVolume());
        String role = checks.optionalText("marketRole", form.marketRole(), 100);
        boolean reserved = form.reserved() == null ? current.reserved() : form.reserved();
        if (reserved != current.reserved() && !ctx.head()) {
            checks.add("reserved", "crm.reserved.headOnly");
        }
        UUID linked = taxId == null ? null : organizations.findByTaxId(taxId).map(OrganizationId::value)
                .orElse(null);
        if (linked != null && store.linkedTaken(ctx.org(), linked, id)) {
            checks.add("taxId", "crm.account.duplicate");
        }
        checks.throwIfAny();
        store.updateAccount(ctx.org(), id, name, taxId, linked, region, form.purchaseVolume(), role, reserved);
        return store.accountView(ctx.org(), id).orElseThrow();
    }

    /** Gives the account to an owner in a channel: the head for anybody, a manager only for himself. */
    public AccountDetail assignOwner(CurrentUser user, UUID id, AssignOwner form) {
        Ctx ctx = owning(user, store.accountOrganization(id));
        Account account = store.account(ctx.org(), id, true).orElseThrow(() -> new NotFoundException("Account"));
        Checks checks = new Checks();
        if (form.ownerId() == null) {
            checks.add("ownerId", "field.required");
        }
        Channel channel = checks.choice("channel", form.channel(), Channel.class, false);
        checks.throwIfAny();
        if (!ctx.head() && !form.ownerId().equals(ctx.me().userId())) {
            throw new ForbiddenException("crm.headOnly");
        }
        Manager owner = managerOf(ctx, form.ownerId(), "ownerId");
        Instant now = clock.instant();
        if (account.finderId() == null) {
            account.recordFinder(owner, now); // a lead's account: whoever first takes it found it
        }
        account.assignOwner(owner, channel == null ? owner.channel() : channel, now, ctx.head() ? "ASSIGNED"
                : "CLAIMED");
        store.saveAccount(account);
        return account(user, id);
    }

    // ---- contacts

    public List<ContactView> contacts(CurrentUser user, @Nullable UUID org, @Nullable UUID account,
            @Nullable String q, @Nullable String role) {
        return store.contacts(context(user, org).org(), account, q, role);
    }

    public ContactView createContact(CurrentUser user, NewContact form) {
        if (form.accountId() == null) {
            throw new InvalidInputException("accountId", "field.required");
        }
        Ctx ctx = owning(user, store.accountOrganization(form.accountId()));
        UUID id = UUID.randomUUID();
        saveContact(ctx, id, form, true);
        return store.contacts(ctx.org(), form.accountId(), null, null).stream().filter(c -> c.id().equals(id))
                .findFirst().orElseThrow();
    }

    public ContactView updateContact(CurrentUser user, UUID id, NewContact form) {
        Ctx ctx = owning(user, store.contactOrganization(id));
        saveContact(ctx, id, form, false);
        return store.contacts(ctx.org(), null, null, null).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow();
    }

    public void deleteContact(CurrentUser user, UUID id) {
        Ctx ctx = owning(user, store.contactOrganization(id));
        store.deleteContact(ctx.org(), id);
    }

    private void saveContact(Ctx ctx, UUID id, NewContact form, boolean insert) {
        Checks checks = new Checks();
        String name = checks.text("fullName", form.fullName(), 200);
        String position = checks.optionalText("position", form.position(), 200);
        String email = checks.optionalText("email", form.email(), 200);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            checks.add("email", "crm.field.email");
        }
        String phone = checks.optionalText("phone", form.phone(), 50);
        ContactRole role = checks.choice("role", form.role(), ContactRole.class, true);
        checks.throwIfAny();
        if (insert) {
            store.insertContact(ctx.org(), id, form.accountId(), name, position, email, phone, role);
        } else {
            store.updateContact(ctx.org(), id, name, position, email, phone, role);
        }
    }

    // ---- deals

    public List<DealView> deals(CurrentUser user, @Nullable UUID org, @Nullable String stage, @Nullable UUID owner,
            @Nullable UUID account, @Nullable String q) {
        return store.deals(context(user, org).org(), stage, owner, account, q);
    }

    public List<DealView> failures(CurrentUser user, @Nullable UUID org) {
        return store.failures(context(user, org).org());
    }

    /** A new deal on an account, in RESEARCH, owned by the caller or the manager named. */
    public DealView createDeal(CurrentUser user, NewDeal form) {
        DecimalBounds.require(form);
        if (form.accountId() == null) {
            throw new InvalidInputException("accountId", "field.required");
        }
        Ctx ctx = owning(user, store.accountOrganization(form.accountId()));
        Account account = store.account(ctx.org(), form.accountId(), true).orElseThrow();
        Checks checks = new Checks();
        String title = checks.text("title", form.title(), 300);
        BigDecimal value = checks.amount("value", form.value(), false);
        String currency = checks.currency("currency", form.currency());
        checks.throwIfAny();
        if (form.ownerId() != null && !form.ownerId().equals(ctx.me().userId()) && !ctx.head()) {
            throw new ForbiddenException("crm.headOnly");
        }
        Manager owner = form.ownerId() == null ? ctx.me() : managerOf(ctx, form.ownerId(), "ownerId");
        Instant now = clock.instant();
        Deal deal = new Deal(UUID.randomUUID(), ctx.org(), account.id(), title, value, currency, Stage.RESEARCH,
                null, null, null, null, null, null);
        deal.assign(owner, account);
        store.insertDeal(deal, null, now);
        store.insertMove(deal.id(), null, Stage.RESEARCH, ctx.me().userId(), now, null);
        detectConflict(ctx.org(), account.id(), now);
        return store.dealView(ctx.org(), deal.id()).orElseThrow();
    }

    public DealDetail deal(CurrentUser user, UUID id) {
        Ctx ctx = owning(user, store.dealOrganization(id));
        return new DealDetail(store.dealView(ctx.org(), id).orElseThrow(), store.history(ctx.org(), id));
    }

    /**
     * Moves a deal to a stage and logs the move. An unassigned lead goes to the manager who moves it; somebody
     * else's deal only the head may move. Winning an account's first deal hands the account over to service.
     */
    public DealDetail moveDeal(CurrentUser user, UUID id, MoveDeal form) {
        Ctx ctx = owning(user, store.dealOrganization(id));
        Deal deal = store.deal(ctx.org(), id).orElseThrow();
        Account account = store.account(ctx.org(), deal.accountId(), true).orElseThrow();
        Checks checks = new Checks();
        Stage stage = checks.choice("stage", form.stage(), Stage.class, true);
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
        events.publishEvent(new DealWon(org, deal.id(), deal.title(), client.id(), client.name(),
                client.linkedOrganizationId(), email, deal.value(), deal.currency(), now));
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
        Ctx ctx = owning(user, store.accountOrganization(form.accountId()));
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
        store.insertActivity(ctx.org(), id, account.id(), form.dealId(), ctx.me(), kind, note, now);
        detectConflict(ctx.org(), account.id(), now);
        return store.activities(ctx.org(), account.id(), null).stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow();
    }

    public List<ActivityView> activities(CurrentUser user, @Nullable UUID org, @Nullable UUID account,
            @Nullable UUID manager) {
        return store.activities(context(user, org).org(), account, manager);
    }

    private void detectConflict(UUID org, UUID account, Instant now) {
        if (Conflicts.inConflict(store.touches(org, account, now.minus(Conflicts.WINDOW)), now)) {
            UUID id = UUID.randomUUID();
            if (store.openConflict(org, id, account, now)) {
                String name = store.accountView(org, account).map(AccountView::name).orElse("");
                events.publishEvent(new ConflictOpened(org, id, account, name, now));
            }
        }
    }

    public List<ConflictView> conflicts(CurrentUser user, @Nullable UUID org) {
        Ctx ctx = context(user, org);
        requireHead(ctx);
        return conflictViews(ctx.org(), null);
    }

    public ConflictView conflict(CurrentUser user, UUID id) {
        Ctx ctx = owning(user, store.conflictOrganization(id));
        requireHead(ctx);
        return conflictViews(ctx.org(), id).getFirst();
    }

    private List<ConflictView> conflictViews(UUID org, @Nullable UUID id) {
        return store.conflicts(org, id).stream().map(c -> new ConflictView(c.id(), c.accountId(), c.accountName(),
                c.status(), c.openedAt(), c.winnerId(), c.winnerName(), c.winnerChannel(), c.reason(), c.decidedAt(),
                store.contributions(org, c.accountId()))).toList();
    }

    /** The head decides which manager (and so which channel) keeps the account, with the reason; journaled. */
    public ConflictView decide(CurrentUser user, UUID id, Decide form) {
        Ctx ctx = owning(user, store.conflictOrganization(id));
        requireHead(ctx);
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
        Manager winner = managerOf(ctx, form.winnerId(), "winnerId");
        Account account = store.account(ctx.org(), conflict.accountId(), true).orElseThrow();
        Instant now = clock.instant();
        if (!store.decideConflict(ctx.org(), id, winner.userId(), winner.channel(), reason, ctx.me().userId(), now)) {
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
        Ctx ctx = context(user, org);
        Manager target = member.equals(ctx.me().userId()) ? ctx.me() : managerOf(ctx, member, "userId");
        Plan plan = Plan.adjust(ctx.me(), target, form.calls(), form.meetings(), form.contracts(), form.reason());
        store.updatePlan(ctx.org(), member, plan);
        events.publishEvent(new PlanAdjusted(ctx.org(), member, plan.calls(), plan.meetings(),
                plan.contracts().toPlainString(), plan.reason(), ctx.me().userId(), clock.instant()));
        return view(store.manager(ctx.org(), member).orElseThrow());
    }

    /** Today's plan against what each manager did (UTC day), with his open deals: the head's live board. */
    public List<BoardRow> board(CurrentUser user, @Nullable UUID org) {
        Ctx ctx = context(user, org);
        requireHead(ctx);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return store.board(ctx.org(), today.atStartOfDay(ZoneOffset.UTC).toInstant(),
                today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    // ---- supplier base

    public List<SupplierView> suppliers(CurrentUser user, @Nullable UUID org) {
        return store.suppliers(context(user, org).org());
    }

    public SupplierView createSupplier(CurrentUser user, @Nullable UUID org, NewSupplier form) {
        Ctx ctx = context(user, org);
        UUID id = UUID.randomUUID();
        createSupplier(ctx.org(), id, form);
        return store.suppliers(ctx.org()).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private void createSupplier(UUID org, UUID id, NewSupplier form) {
        Checks checks = new Checks();
        String name = checks.text("name", form.name(), 300);
        String contact = checks.optionalText("contact", form.contact(), 300);
        String region = checks.optionalText("region", form.region(), 10);
        if (region != null && !classifier.regionExists(region)) {
            checks.add("region", "region.unknown");
        }
        String terms = checks.optionalText("terms", form.terms(), 2000);
        if (!name.isEmpty() && store.supplierByName(org, name).isPresent()) {
            checks.add("name", "crm.supplier.duplicate");
        }
        checks.throwIfAny();
        store.insertSupplier(org, id, name, contact, region, terms);
    }

    public List<QuoteView> quotes(CurrentUser user, @Nullable UUID org, @Nullable UUID supplier) {
        return store.quotes(context(user, org).org(), supplier);
    }

    /** A supplier's price for a product at a volume. */
    public QuoteView addQuote(CurrentUser user, NewQuote form) {
        DecimalBounds.require(form);
        if (form.supplierId() == null) {
            throw new InvalidInputException("supplierId", "field.required");
        }
        Ctx ctx = owning(user, store.supplierOrganization(form.supplierId()));
        UUID id = UUID.randomUUID();
        insertQuote(ctx.org(), id, form.supplierId(), form);
        return store.quotes(ctx.org(), form.supplierId()).stream().filter(q -> q.id().equals(id)).findFirst()
                .orElseThrow();
    }

    private void insertQuote(UUID org, UUID id, UUID supplier, NewQuote form) {
        Checks checks = new Checks();
        String product = checks.text("product", form.product(), 300);
        String niche = checks.text("niche", form.niche(), 200);
        BigDecimal volume = checks.amount("volume", form.volume(), true);
        String unit = checks.text("unit", form.unit(), 20);
        BigDecimal price = checks.amount("price", form.price(), true);
        String currency = checks.currency("currency", form.currency());
        checks.throwIfAny();
        store.insertQuote(org, id, supplier, product, niche, volume, unit, price, currency);
    }

    /** Per product and currency, the lowest and highest price quoted: the market's price fork. */
    public List<PriceFork> priceForks(CurrentUser user, @Nullable UUID org) {
        return forks(store.quotes(context(user, org).org(), null));
    }

    static List<PriceFork> forks(List<QuoteView> quotes) {
        Map<String, List<QuoteView>> byProduct = quotes.stream().collect(Collectors.groupingBy(
                q -> q.product() + "\u0000" + q.currency(), LinkedHashMap::new, Collectors.toList()));
        List<PriceFork> forks = new ArrayList<>();
        for (List<QuoteView> group : byProduct.values()) {
            QuoteView cheapest = group.stream().min(Comparator.comparing(QuoteView::price)).orElseThrow();
            QuoteView dearest = group.stream().max(Comparator.comparing(QuoteView::price)).orElseThrow();
            forks.add(new PriceFork(cheapest.product(), cheapest.niche(), cheapest.currency(), cheapest.price(),
                    dearest.price(), group.size(), cheapest.supplierName()));
        }
        return forks;
    }

    /** Per niche: the margin of buying at each fork's bottom and selling at its top. */
    public List<NicheMargin> niches(CurrentUser user, @Nullable UUID org) {
        return margins(priceForks(user, org));
    }

    static List<NicheMargin> margins(List<PriceFork> forks) {
        Map<String, List<PriceFork>> byNiche = forks.stream().collect(Collectors.groupingBy(
                f -> f.niche() + "\u0000" + f.currency(), LinkedHashMap::new, Collectors.toList()));
        List<NicheMargin> margins = new ArrayList<>();
        for (List<PriceFork> group : byNiche.values()) {
            BigDecimal top = group.stream().map(PriceFork::max).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal spread = group.stream().map(f -> f.max().subtract(f.min()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal percent = top.signum() == 0 ? BigDecimal.ZERO
                    : spread.multiply(BigDecimal.valueOf(100)).divide(top, 1, RoundingMode.HALF_UP);
            margins.add(new NicheMargin(group.getFirst().niche(), group.getFirst().currency(), group.size(), percent));
        }
        return margins;
    }

    // ---- competitors

    public List<CompetitorView> competitors(CurrentUser user, @Nullable UUID org) {
        return store.competitors(context(user, org).org(), null, today());
    }

    /** A strong competitor: the evidence of strength (advertising, visibility or website) and strengths required. */
    public CompetitorView createCompetitor(CurrentUser user, @Nullable UUID org, NewCompetitor form) {
        DecimalBounds.require(form);
        Ctx ctx = context(user, org);
        Checks checks = new Checks();
        String name = checks.text("name", form.name(), 300);
        checks.optionalText("advertising", form.advertising(), 500);
        checks.optionalText("visibility", form.visibility(), 500);
        checks.optionalText("website", form.website(), 300);
        if (CrmStore.blank(form.advertising()) == null && CrmStore.blank(form.visibility()) == null
                && CrmStore.blank(form.website()) == null) {
            checks.add("advertising", "crm.competitor.evidence");
        }
        checks.optionalAmount("priceMin", form.priceMin());
        checks.optionalAmount("priceMax", form.priceMax());
        if (form.priceMin() != null && form.priceMax() != null && form.priceMin().compareTo(form.priceMax()) > 0) {
            checks.add("priceMax", "crm.competitor.priceRange");
        }
        checks.currency("currency", form.currency());
        String strengths = checks.text("strengths", form.strengths(), 2000);
        checks.optionalText("weaknesses", form.weaknesses(), 2000);
        checks.throwIfAny();
        UUID id = UUID.randomUUID();
        store.insertCompetitor(ctx.org(), id, form, name, strengths);
        return store.competitors(ctx.org(), id, today()).getFirst();
    }

    public CompetitorView competitor(CurrentUser user, UUID id) {
        Ctx ctx = owning(user, store.competitorOrganization(id));
        return store.competitors(ctx.org(), id, today()).getFirst();
    }

    /** A client the competitor serves, and since when. */
    public CompetitorView addCompetitorClient(CurrentUser user, UUID id, NewCompetitorClient form) {
        Ctx ctx = owning(user, store.competitorOrganization(id));
        Checks checks = new Checks();
        String client = checks.text("client", form.client(), 300);
        LocalDate since = checks.date("since", form.since(), true);
        if (since != null && since.isAfter(today())) {
            checks.add("since", "crm.field.future");
        }
        checks.throwIfAny();
        store.insertCompetitorClient(id, client, since);
        return store.competitors(ctx.org(), id, today()).getFirst();
    }

    // ---- segments

    public List<SegmentView> segments(CurrentUser user, @Nullable UUID org) {
        return store.segments(context(user, org).org());
    }

    /** A segment as rules over region, purchase volume and market role. */
    public SegmentView createSegment(CurrentUser user, @Nullable UUID org, NewSegment form) {
        DecimalBounds.require(form);
        Ctx ctx = context(user, org);
        Checks checks = new Checks();
        String name = checks.text("name", form.name(), 200);
        String region = checks.optionalText("region", form.region(), 10);
        if (region != null && !classifier.regionExists(region)) {
            checks.add("region", "region.unknown");
        }
        checks.optionalAmount("volumeMin", form.volumeMin());
        checks.optionalAmount("volumeMax", form.volumeMax());
        if (form.volumeMin() != null && form.volumeMax() != null
                && form.volumeMin().compareTo(form.volumeMax()) > 0) {
            checks.add("volumeMax", "crm.segment.volumeRange");
        }
        String role = checks.optionalText("marketRole", form.marketRole(), 100);
        checks.throwIfAny();
        UUID id = UUID.randomUUID();
        store.insertSegment(ctx.org(), id, name, region, form.volumeMin(), form.volumeMax(), role);
        return store.segments(ctx.org()).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** The accounts a segment's rules match now. */
    public List<AccountView> segmentAccounts(CurrentUser user, UUID id) {
        Ctx ctx = owning(user, store.segmentOrganization(id));
        Set<UUID> ids = new HashSet<>(store.segmentAccounts(ctx.org(), id));
        return store.accounts(ctx.org(), null, null, null, null, null).stream().filter(a -> ids.contains(a.id()))
                .toList();
    }

    // ---- channel economics

    public List<SpendView> spend(CurrentUser user, @Nullable UUID org) {
        return store.spend(context(user, org).org());
    }

    /** Money spent on a channel (advertising, salaries, a web campaign). */
    public SpendView addSpend(CurrentUser user, @Nullable UUID org, NewSpend form) {
        DecimalBounds.require(form);
        Ctx ctx = context(user, org);
        Checks checks = new Checks();
        Channel channel = checks.choice("channel", form.channel(), Channel.class, true);
        BigDecimal amount = checks.amount("amount", form.amount(), false);
        LocalDate on = checks.date("spentOn", form.spentOn(), true);
        String note = checks.optionalText("note", form.note(), 500);
        checks.throwIfAny();
        UUID id = UUID.randomUUID();
        store.insertSpend(ctx.org(), id, channel, amount, on, note);
        return store.spend(ctx.org()).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** Acquisition cost per client per channel, share of won sales per channel, and the passive share. */
    public Economics economics(CurrentUser user, @Nullable UUID org) {
        return economics(store.channelTotals(context(user, org).org()));
    }

    static Economics economics(List<CrmStore.ChannelTotals> totals) {
        BigDecimal won = totals.stream().map(CrmStore.ChannelTotals::wonValue).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        List<ChannelEconomics> channels = new ArrayList<>();
        BigDecimal passive = BigDecimal.ZERO;
        for (CrmStore.ChannelTotals t : totals) {
            BigDecimal share = won.signum() == 0 ? BigDecimal.ZERO
                    : t.wonValue().multiply(BigDecimal.valueOf(100)).divide(won, 1, RoundingMode.HALF_UP);
            BigDecimal perClient = t.clients() == 0 ? null
                    : t.spend().divide(BigDecimal.valueOf(t.clients()), 2, RoundingMode.HALF_UP);
            channels.add(new ChannelEconomics(t.channel().name(), t.spend(), t.clients(), perClient, t.wonValue(),
                    share));
            if (t.channel() == Channel.INBOUND) {
                passive = share;
            }
        }
        return new Economics(channels, passive);
    }

    // ---- CSV import

    /** Imports accounts (name, taxId, region, purchaseVolume, marketRole); each row goes in whole or not at all. */
    public CrmViews.ImportReport importAccounts(CurrentUser user, @Nullable UUID org, String csv) {
        Ctx ctx = context(user, org);
        return imports.run(csv, row -> createAccount(ctx, UUID.randomUUID(), new NewAccount(row.get("name"),
                row.get("taxId"), row.get("region"), CsvImport.decimal(row, "purchaseVolume"), row.get("marketRole"),
                false)));
    }

    /** Imports contacts (account: its tax id or name, fullName, position, email, phone, role). */
    public CrmViews.ImportReport importContacts(CurrentUser user, @Nullable UUID org, String csv) {
        Ctx ctx = context(user, org);
        return imports.run(csv, row -> {
            UUID account = store.accountByTaxIdOrName(ctx.org(), row.get("account"))
                    .orElseThrow(() -> new InvalidInputException("account", "crm.account.unknown"));
            saveContact(ctx, UUID.randomUUID(), new NewContact(account, row.get("fullName"), row.get("position"),
                    row.get("email"), row.get("phone"), row.get("role")), true);
        });
    }

    /** Imports supplier quotes (supplier, product, niche, volume, unit, price, currency); unknown suppliers are added. */
    public CrmViews.ImportReport importQuotes(CurrentUser user, @Nullable UUID org, String csv) {
        Ctx ctx = context(user, org);
        return imports.run(csv, row -> {
            NewQuote quote = new NewQuote(null, row.get("product"), row.get("niche"), CsvImport.decimal(row, "volume"),
                    row.get("unit"), CsvImport.decimal(row, "price"), row.get("currency"));
            String name = row.get("supplier");
            if (name.isBlank()) {
                throw new InvalidInputException("supplier", "field.required");
            }
            Optional<UUID> known = store.supplierByName(ctx.org(), name);
            UUID supplier = known.orElseGet(UUID::randomUUID);
            if (known.isEmpty()) {
                createSupplier(ctx.org(), supplier, new NewSupplier(name, null, null, null));
            }
            insertQuote(ctx.org(), UUID.randomUUID(), supplier, quote);
        });
    }

    // ---- helpers

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static ManagerView view(Manager m) {
        return new ManagerView(m.userId(), m.fullName(), m.channel().name(), m.headOffice(), m.head(),
                m.plan().calls(), m.plan().meetings(), m.plan().contracts(), m.plan().reason());
    }
}
