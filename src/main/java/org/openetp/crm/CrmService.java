package org.openetp.crm;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Classifier;
import org.openetp.crm.CrmCommands.AssignOwner;
import org.openetp.crm.CrmCommands.ChangeSettings;
import org.openetp.crm.CrmCommands.ManagerProfile;
import org.openetp.crm.CrmCommands.NewAccount;
import org.openetp.crm.CrmCommands.NewContact;
import org.openetp.crm.CrmViews.AccountDetail;
import org.openetp.crm.CrmViews.AccountView;
import org.openetp.crm.CrmViews.ContactView;
import org.openetp.crm.CrmViews.ManagerView;
import org.openetp.crm.CrmViews.SettingsView;
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
import org.openetp.shared.DecimalBounds;
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
    private final ActivityStore activity;
    private final ChannelNames names;
    private final Organizations organizations;
    private final Classifier classifier;
    private final CsvImport imports;
    private final Clock clock;

    CrmService(CrmStore store, ActivityStore activity, ChannelNames names, Organizations organizations,
            Classifier classifier, CsvImport imports, Clock clock) {
        this.names = names;
        this.activity = activity;
        this.imports = imports;
        this.store = store;
        this.organizations = organizations;
        this.classifier = classifier;
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
    Manager managerOf(Ctx ctx, UUID user, String field) {
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

    static void requireHead(Ctx ctx) {
        if (!ctx.head()) {
            throw new ForbiddenException("crm.headOnly");
        }
    }

    /** The caller's own profile. */
    public ManagerView me(CurrentUser user, @Nullable UUID org) {
        Ctx ctx = context(user, org);
        return view(ctx.me());
    }

    /**
     * The sales team: every member with a sales role, with his profile and plan. A member without a profile yet gets
     * the default one; only then does the call write (it used to upsert every member on every view).
     */
    public List<ManagerView> managers(CurrentUser user, @Nullable UUID org) {
        Ctx ctx = context(user, org);
        List<ManagerView> known = store.managers(ctx.org());
        Set<UUID> profiled = known.stream().map(ManagerView::userId).collect(Collectors.toSet());
        boolean added = false;
        for (Member member : organizations.members(user, new OrganizationId(ctx.org()))) {
            if (!profiled.contains(member.user().value())
                    && member.roles().stream().anyMatch(SALES_ROLES::contains)) {
                store.insertManager(ctx.org(), defaultProfile(member.user().value(), member.fullName(),
                        member.roles()));
                added = true;
            }
        }
        return added ? store.managers(ctx.org()) : known;
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
        return store.accounts(context(user, org).org(), q, region, reserved, owner, channel).stream()
                .map(names::labelled).toList();
    }

    /** A new account found by the caller, linked to the platform organization with its tax id when there is one. */
    public AccountView createAccount(CurrentUser user, @Nullable UUID org, NewAccount form) {
        DecimalBounds.require(form);
        Ctx ctx = context(user, org);
        UUID id = UUID.randomUUID();
        createAccount(ctx, id, form);
        return names.labelled(store.accountView(ctx.org(), id).orElseThrow());
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
        return new AccountDetail(names.labelled(account), store.ledger(ctx.org(), id), store.contacts(ctx.org(), id, null, null),
                store.deals(ctx.org(), null, null, id, null), activity.activities(ctx.org(), id, null));
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
        return names.labelled(store.accountView(ctx.org(), id).orElseThrow());
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

    // ---- helpers

    static ManagerView view(Manager m) {
        return new ManagerView(m.userId(), m.fullName(), m.channel().name(), m.headOffice(), m.head(),
                m.plan().calls(), m.plan().meetings(), m.plan().contracts(), m.plan().reason());
    }
}
