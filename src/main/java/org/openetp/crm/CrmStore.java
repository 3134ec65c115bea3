package org.openetp.crm;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.CrmViews.AccountView;
import org.openetp.crm.CrmViews.ContactView;
import org.openetp.crm.CrmViews.DealView;
import org.openetp.crm.CrmViews.ManagerView;
import org.openetp.crm.CrmViews.MoveView;
import org.openetp.crm.CrmViews.OwnershipView;
import org.openetp.crm.CrmViews.SettingsView;
import org.openetp.shared.RequestMemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The CRM's SQL. Every query names the organization, so no row of another organization is ever read or changed. */
@Repository
class CrmStore {

    /** The {@link RequestMemo} space of the sales team's profiles. */
    private static final String MANAGERS = "crm.managers";

    /** The {@link RequestMemo} space of the organization an account or a deal (ids never shared) belongs to. */
    private static final String OWNERS = "crm.owners";

    private final JdbcClient jdbc;

    CrmStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- managers and settings

    /**
     * Kept for the rest of the request: a CRM page finds the caller's profile once per component (the tabs, the
     * page, each list), which cost up to seven reads per view (issue 16). A write to profiles turns that off.
     */
    Optional<Manager> manager(UUID org, UUID user) {
        return RequestMemo.get(MANAGERS, List.of(org, user), () -> jdbc.sql(
                "SELECT * FROM crm_manager WHERE organization_id = :org AND user_id = :user")
                .param("org", org).param("user", user).query((rs, n) -> manager(rs)).optional());
    }

    void insertManager(UUID org, Manager m) {
        RequestMemo.forget(MANAGERS);
        jdbc.sql("""
                INSERT INTO crm_manager (organization_id, user_id, full_name, channel, head_office, head)
                VALUES (:org, :user, :name, :channel, :headOffice, :head) ON CONFLICT DO NOTHING""")
                .param("org", org).param("user", m.userId()).param("name", m.fullName())
                .param("channel", m.channel().name()).param("headOffice", m.headOffice()).param("head", m.head())
                .update();
    }

    void updateProfile(UUID org, UUID user, Channel channel, boolean headOffice, boolean head) {
        RequestMemo.forget(MANAGERS);
        jdbc.sql("""
                UPDATE crm_manager SET channel = :channel, head_office = :headOffice, head = :head
                WHERE organization_id = :org AND user_id = :user""")
                .param("org", org).param("user", user).param("channel", channel.name())
                .param("headOffice", headOffice).param("head", head).update();
    }

    void updatePlan(UUID org, UUID user, Plan plan) {
        RequestMemo.forget(MANAGERS);
        jdbc.sql("""
                UPDATE crm_manager SET plan_calls = :calls, plan_meetings = :meetings, plan_contracts = :contracts,
                       plan_reason = :reason WHERE organization_id = :org AND user_id = :user""")
                .param("org", org).param("user", user).param("calls", plan.calls())
                .param("meetings", plan.meetings()).param("contracts", plan.contracts())
                .param("reason", plan.reason()).update();
    }

    List<ManagerView> managers(UUID org) {
        return jdbc.sql("SELECT * FROM crm_manager WHERE organization_id = :org ORDER BY full_name")
                .param("org", org).query((rs, n) -> {
                    Manager m = manager(rs);
                    return new ManagerView(m.userId(), m.fullName(), m.channel().name(), m.headOffice(), m.head(),
                            m.plan().calls(), m.plan().meetings(), m.plan().contracts(), m.plan().reason());
                }).list();
    }

    List<UUID> heads(UUID org) {
        return jdbc.sql("SELECT user_id FROM crm_manager WHERE organization_id = :org AND head ORDER BY full_name")
                .param("org", org).query(UUID.class).list();
    }

    SettingsView settings(UUID org) {
        return jdbc.sql("SELECT service_manager, lead_regions FROM crm_settings WHERE organization_id = :org")
                .param("org", org)
                .query((rs, n) -> new SettingsView(rs.getObject("service_manager", UUID.class),
                        Arrays.asList((String[]) rs.getArray("lead_regions").getArray())))
                .optional().orElse(new SettingsView(null, List.of()));
    }

    void saveSettings(UUID org, @Nullable UUID serviceManager, List<String> regions) {
        jdbc.sql("""
                INSERT INTO crm_settings (organization_id, service_manager, lead_regions)
                VALUES (:org, :service, :regions)
                ON CONFLICT (organization_id) DO UPDATE SET service_manager = :service, lead_regions = :regions""")
                .param("org", org).param("service", serviceManager)
                .param("regions", regions.toArray(String[]::new)).update();
    }

    private static Manager manager(ResultSet rs) throws SQLException {
        return new Manager(rs.getObject("user_id", UUID.class), rs.getString("full_name"),
                Channel.valueOf(rs.getString("channel")), rs.getBoolean("head_office"), rs.getBoolean("head"),
                new Plan(rs.getInt("plan_calls"), rs.getInt("plan_meetings"), rs.getBigDecimal("plan_contracts"),
                        rs.getString("plan_reason")));
    }

    // ---- accounts and the ownership ledger

    void insertAccount(Account a, CrmCommands.NewAccount form, String name, @Nullable String taxId,
            @Nullable UUID linked, Instant now) {
        jdbc.sql("""
                INSERT INTO crm_account (id, organization_id, name, tax_id, linked_organization_id, region,
                    purchase_volume, market_role, reserved, finder_id, finder_channel, found_at, created_at)
                VALUES (:id, :org, :name, :taxId, :linked, :region, :volume, :role, :reserved, :finder,
                    :finderChannel, :foundAt, :now)""")
                .param("id", a.id()).param("org", a.organizationId()).param("name", name).param("taxId", taxId)
                .param("linked", linked).param("region", blank(form.region()))
                .param("volume", form.purchaseVolume()).param("role", blank(form.marketRole()))
                .param("reserved", a.reserved()).param("finder", a.finderId())
                .param("finderChannel", a.finderChannel() == null ? null : a.finderChannel().name())
                .param("foundAt", ts(a.foundAt())).param("now", ts(now)).update();
        saveLedger(a);
    }

    /**
     * The account's organization, or empty when there is no such account. Kept for the request: a page checks it
     * once per component, and a record never moves to another organization.
     */
    Optional<UUID> accountOrganization(UUID id) {
        return RequestMemo.get(OWNERS, id, () -> jdbc.sql("SELECT organization_id FROM crm_account WHERE id = :id")
                .param("id", id).query(UUID.class).optional());
    }

    Optional<Account> account(UUID org, UUID id, boolean lock) {
        List<Account.Ownership> ledger = jdbc.sql("""
                SELECT channel, owner_id, from_at, to_at, reason FROM crm_ownership WHERE account_id = :id
                ORDER BY id""").param("id", id)
                .query((rs, n) -> new Account.Ownership(Channel.valueOf(rs.getString("channel")),
                        rs.getObject("owner_id", UUID.class), instant(rs, "from_at"), instant(rs, "to_at"),
                        rs.getString("reason"))).list();
        return jdbc.sql("SELECT * FROM crm_account WHERE id = :id AND organization_id = :org"
                        + (lock ? " FOR UPDATE" : "")).param("id", id).param("org", org)
                .query((rs, n) -> new Account(id, org, rs.getBoolean("reserved"),
                        rs.getObject("finder_id", UUID.class), channel(rs.getString("finder_channel")),
                        instant(rs, "found_at"), ledger)).optional();
    }

    /** Writes the account's finder and the ledger lines opened and closed since it was loaded. */
    void saveAccount(Account a) {
        jdbc.sql("""
                UPDATE crm_account SET finder_id = :finder, finder_channel = :channel, found_at = :foundAt
                WHERE id = :id AND organization_id = :org""")
                .param("finder", a.finderId())
                .param("channel", a.finderChannel() == null ? null : a.finderChannel().name())
                .param("foundAt", ts(a.foundAt())).param("id", a.id()).param("org", a.organizationId()).update();
        saveLedger(a);
    }

    private void saveLedger(Account a) {
        for (Account.Ownership closed : a.closed()) {
            jdbc.sql("""
                    UPDATE crm_ownership SET to_at = :to
                    WHERE account_id = :account AND channel = :channel AND owner_id = :owner AND to_at IS NULL""")
                    .param("to", ts(closed.to())).param("account", a.id()).param("channel", closed.channel().name())
                    .param("owner", closed.ownerId()).update();
        }
        for (Account.Ownership line : a.opened()) {
            jdbc.sql("""
                    INSERT INTO crm_ownership (account_id, channel, owner_id, from_at, to_at, reason)
                    VALUES (:account, :channel, :owner, :from, :to, :reason)""")
                    .param("account", a.id()).param("channel", line.channel().name())
                    .param("owner", line.ownerId()).param("from", ts(line.from())).param("to", ts(line.to()))
                    .param("reason", line.reason()).update();
        }
    }

    void updateAccount(UUID org, UUID id, String name, @Nullable String taxId, @Nullable UUID linked,
            @Nullable String region, @Nullable BigDecimal volume, @Nullable String role, boolean reserved) {
        jdbc.sql("""
                UPDATE crm_account SET name = :name, tax_id = :taxId, linked_organization_id = :linked,
                    region = :region, purchase_volume = :volume, market_role = :role, reserved = :reserved
                WHERE id = :id AND organization_id = :org""")
                .param("name", name).param("taxId", taxId).param("linked", linked).param("region", region)
                .param("volume", volume).param("role", role).param("reserved", reserved).param("id", id)
                .param("org", org).update();
    }

    boolean linkedTaken(UUID org, UUID linked, @Nullable UUID except) {
        return jdbc.sql("""
                SELECT count(*) FROM crm_account WHERE organization_id = :org AND linked_organization_id = :linked
                  AND id IS DISTINCT FROM :except""")
                .param("org", org).param("linked", linked).param("except", except).query(Long.class).single() > 0;
    }

    Optional<UUID> accountLinkedTo(UUID org, UUID linked) {
        return jdbc.sql("SELECT id FROM crm_account WHERE organization_id = :org AND linked_organization_id = :linked")
                .param("org", org).param("linked", linked).query(UUID.class).optional();
    }

    Optional<UUID> accountByTaxIdOrName(UUID org, String key) {
        return jdbc.sql("""
                SELECT id FROM crm_account WHERE organization_id = :org AND (tax_id = :key OR lower(name) = lower(:key))
                ORDER BY created_at LIMIT 1""").param("org", org).param("key", key).query(UUID.class).optional();
    }

    void insertUnclaimedAccount(UUID org, UUID id, String name, String taxId, UUID linked, @Nullable String region,
            Instant now) {
        jdbc.sql("""
                INSERT INTO crm_account (id, organization_id, name, tax_id, linked_organization_id, region, created_at)
                VALUES (:id, :org, :name, :taxId, :linked, :region, :now)""")
                .param("id", id).param("org", org).param("name", name).param("taxId", taxId)
                .param("linked", linked).param("region", region).param("now", ts(now)).update();
    }

    private static final String ACCOUNT_SELECT = """
            SELECT a.*, f.full_name AS finder_name,
                   ARRAY(SELECT o.channel || ': ' || coalesce(m.full_name, o.owner_id::text) FROM crm_ownership o
                         LEFT JOIN crm_manager m ON m.organization_id = a.organization_id AND m.user_id = o.owner_id
                         WHERE o.account_id = a.id AND o.to_at IS NULL ORDER BY o.channel) AS owners,
                   ARRAY(SELECT o.channel || chr(9) || o.owner_id || chr(9) || coalesce(m.full_name, '')
                         FROM crm_ownership o
                         LEFT JOIN crm_manager m ON m.organization_id = a.organization_id AND m.user_id = o.owner_id
                         WHERE o.account_id = a.id AND o.to_at IS NULL ORDER BY o.channel) AS owner_details
            FROM crm_account a
            LEFT JOIN crm_manager f ON f.organization_id = a.organization_id AND f.user_id = a.finder_id
            """;

    List<AccountView> accounts(UUID org, @Nullable String q, @Nullable String region, @Nullable Boolean reserved,
            @Nullable UUID owner, @Nullable String channel) {
        return jdbc.sql(ACCOUNT_SELECT + """
                WHERE a.organization_id = :org
                  AND (CAST(:q AS TEXT) IS NULL OR a.name ILIKE '%' || :q || '%' OR a.tax_id = :q)
                  AND (CAST(:region AS TEXT) IS NULL OR a.region = :region)
                  AND (CAST(:reserved AS BOOLEAN) IS NULL OR a.reserved = :reserved)
                  AND (CAST(:owner AS UUID) IS NULL OR EXISTS (SELECT 1 FROM crm_ownership o WHERE o.account_id = a.id
                        AND o.to_at IS NULL AND o.owner_id = :owner))
                  AND (CAST(:channel AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM crm_ownership o
                        WHERE o.account_id = a.id AND o.to_at IS NULL AND o.channel = :channel))
                ORDER BY a.name LIMIT 1000""")
                .param("org", org).param("q", blank(q)).param("region", blank(region)).param("reserved", reserved)
                .param("owner", owner).param("channel", blank(channel))
                .query((rs, n) -> accountView(rs)).list();
    }

    Optional<AccountView> accountView(UUID org, UUID id) {
        return jdbc.sql(ACCOUNT_SELECT + " WHERE a.organization_id = :org AND a.id = :id")
                .param("org", org).param("id", id).query((rs, n) -> accountView(rs)).optional();
    }

    private static AccountView accountView(ResultSet rs) throws SQLException {
        return new AccountView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("tax_id"),
                rs.getObject("linked_organization_id", UUID.class), rs.getString("region"),
                rs.getBigDecimal("purchase_volume"), rs.getString("market_role"), rs.getBoolean("reserved"),
                rs.getObject("finder_id", UUID.class), rs.getString("finder_name"), rs.getString("finder_channel"),
                instant(rs, "found_at"), Arrays.asList((String[]) rs.getArray("owners").getArray()),
                instant(rs, "created_at"), Arrays.stream((String[]) rs.getArray("owner_details").getArray())
                        .map(CrmStore::owner).toList());
    }

    /** "CHANNEL\tuser id\tname", as the query joins them (a name has no tab: it is one line of text). */
    private static CrmViews.Owner owner(String joined) {
        String[] parts = joined.split("\t", 3);
        return new CrmViews.Owner(parts[0], null, UUID.fromString(parts[1]), parts.length > 2 ? parts[2] : "");
    }

    List<OwnershipView> ledger(UUID org, UUID account) {
        return jdbc.sql("""
                SELECT o.*, coalesce(m.full_name, o.owner_id::text) AS owner_name FROM crm_ownership o
                JOIN crm_account a ON a.id = o.account_id AND a.organization_id = :org
                LEFT JOIN crm_manager m ON m.organization_id = :org AND m.user_id = o.owner_id
                WHERE o.account_id = :account ORDER BY o.id""")
                .param("org", org).param("account", account)
                .query((rs, n) -> new OwnershipView(rs.getString("channel"), rs.getObject("owner_id", UUID.class),
                        rs.getString("owner_name"), instant(rs, "from_at"), instant(rs, "to_at"),
                        rs.getString("reason"))).list();
    }

    // ---- contacts

    void insertContact(UUID org, UUID id, UUID account, String fullName, @Nullable String position,
            @Nullable String email, @Nullable String phone, ContactRole role) {
        jdbc.sql("""
                INSERT INTO crm_contact (id, organization_id, account_id, full_name, position, email, phone, role)
                VALUES (:id, :org, :account, :name, :position, :email, :phone, :role)""")
                .param("id", id).param("org", org).param("account", account).param("name", fullName)
                .param("position", position).param("email", email).param("phone", phone).param("role", role.name())
                .update();
    }

    Optional<UUID> contactOrganization(UUID id) {
        return jdbc.sql("SELECT organization_id FROM crm_contact WHERE id = :id").param("id", id)
                .query(UUID.class).optional();
    }

    void updateContact(UUID org, UUID id, String fullName, @Nullable String position, @Nullable String email,
            @Nullable String phone, ContactRole role) {
        jdbc.sql("""
                UPDATE crm_contact SET full_name = :name, position = :position, email = :email, phone = :phone,
                    role = :role WHERE id = :id AND organization_id = :org""")
                .param("name", fullName).param("position", position).param("email", email).param("phone", phone)
                .param("role", role.name()).param("id", id).param("org", org).update();
    }

    void deleteContact(UUID org, UUID id) {
        jdbc.sql("DELETE FROM crm_contact WHERE id = :id AND organization_id = :org").param("id", id)
                .param("org", org).update();
    }

    List<ContactView> contacts(UUID org, @Nullable UUID account, @Nullable String q, @Nullable String role) {
        return jdbc.sql("""
                SELECT c.*, a.name AS account_name FROM crm_contact c JOIN crm_account a ON a.id = c.account_id
                WHERE c.organization_id = :org AND (CAST(:account AS UUID) IS NULL OR c.account_id = :account)
                  AND (CAST(:q AS TEXT) IS NULL OR c.full_name ILIKE '%' || :q || '%' OR c.email ILIKE '%' || :q || '%'
                       OR a.name ILIKE '%' || :q || '%')
                  AND (CAST(:role AS TEXT) IS NULL OR c.role = :role)
                ORDER BY a.name, c.full_name LIMIT 1000""")
                .param("org", org).param("account", account).param("q", blank(q)).param("role", blank(role))
                .query((rs, n) -> new ContactView(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                        rs.getString("account_name"), rs.getString("full_name"), rs.getString("position"),
                        rs.getString("email"), rs.getString("phone"), rs.getString("role"))).list();
    }

    // ---- deals

    void insertDeal(Deal d, @Nullable UUID procedure, Instant now) {
        jdbc.sql("""
                INSERT INTO crm_deal (id, organization_id, account_id, title, value, currency, stage, owner_id,
                    channel, procedure_id, created_at, stage_since, next_action, next_action_date)
                VALUES (:id, :org, :account, :title, :value, :currency, :stage, :owner, :channel, :procedure, :now,
                    :now, :next, :nextDate)""")
                .param("next", d.nextAction()).param("nextDate", d.nextActionDate())
                .param("id", d.id()).param("org", d.organizationId()).param("account", d.accountId())
                .param("title", d.title()).param("value", d.value()).param("currency", d.currency())
                .param("stage", d.stage().name()).param("owner", d.ownerId())
                .param("channel", d.channel() == null ? null : d.channel().name()).param("procedure", procedure)
                .param("now", ts(now)).update();
    }

    /** Inserts a lead for a procedure once; false when the organization already has it. */
    boolean insertLead(Deal d, UUID procedure, Instant now) {
        return jdbc.sql("""
                INSERT INTO crm_deal (id, organization_id, account_id, title, value, currency, stage, owner_id,
                    channel, procedure_id, created_at, stage_since)
                VALUES (:id, :org, :account, :title, :value, :currency, :stage, :owner, :channel, :procedure, :now,
                    :now)
                ON CONFLICT (organization_id, procedure_id) WHERE procedure_id IS NOT NULL DO NOTHING""")
                .param("id", d.id()).param("org", d.organizationId()).param("account", d.accountId())
                .param("title", d.title()).param("value", d.value()).param("currency", d.currency())
                .param("stage", d.stage().name()).param("owner", d.ownerId())
                .param("channel", d.channel() == null ? null : d.channel().name()).param("procedure", procedure)
                .param("now", ts(now)).update() == 1;
    }

    /** The deal's organization, kept for the request like {@link #accountOrganization}. */
    Optional<UUID> dealOrganization(UUID id) {
        return RequestMemo.get(OWNERS, id, () -> jdbc.sql("SELECT organization_id FROM crm_deal WHERE id = :id")
                .param("id", id).query(UUID.class).optional());
    }

    Optional<Deal> deal(UUID org, UUID id) {
        return jdbc.sql("SELECT * FROM crm_deal WHERE id = :id AND organization_id = :org FOR UPDATE")
                .param("id", id).param("org", org)
                .query((rs, n) -> new Deal(id, org, rs.getObject("account_id", UUID.class), rs.getString("title"),
                        rs.getBigDecimal("value"), rs.getString("currency"), Stage.valueOf(rs.getString("stage")),
                        rs.getObject("owner_id", UUID.class), channel(rs.getString("channel")),
                        rs.getString("lost_reason"), rs.getString("next_action"),
                        rs.getObject("next_action_date", LocalDate.class), instant(rs, "won_at"))).optional();
    }

    void saveDeal(Deal d) {
        jdbc.sql("""
                UPDATE crm_deal SET stage = :stage, owner_id = :owner, channel = :channel, lost_reason = :reason,
                    next_action = :action, next_action_date = :date, won_at = :wonAt
                WHERE id = :id AND organization_id = :org""")
                .param("stage", d.stage().name()).param("owner", d.ownerId())
                .param("channel", d.channel() == null ? null : d.channel().name()).param("reason", d.lostReason())
                .param("action", d.nextAction()).param("date", d.nextActionDate()).param("wonAt", ts(d.wonAt()))
                .param("id", d.id()).param("org", d.organizationId()).update();
    }

    void insertMove(UUID deal, @Nullable Stage from, Stage to, @Nullable UUID by, Instant at, @Nullable String note) {
        jdbc.sql("""
                INSERT INTO crm_deal_history (deal_id, from_stage, to_stage, by_user, at, note)
                VALUES (:deal, :from, :to, :by, :at, :note)""")
                .param("deal", deal).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("by", by).param("at", ts(at)).param("note", note).update();
        // The card's "days in stage" counts from the last move.
        jdbc.sql("UPDATE crm_deal SET stage_since = :at WHERE id = :deal").param("at", ts(at)).param("deal", deal)
                .update();
    }

    long wonDeals(UUID org, UUID account) {
        return jdbc.sql("SELECT count(*) FROM crm_deal WHERE organization_id = :org AND account_id = :account "
                + "AND stage = 'CLOSE'").param("org", org).param("account", account).query(Long.class).single();
    }

    private static final String DEAL_SELECT = """
            SELECT d.*, a.name AS account_name, m.full_name AS owner_name FROM crm_deal d
            JOIN crm_account a ON a.id = d.account_id
            LEFT JOIN crm_manager m ON m.organization_id = d.organization_id AND m.user_id = d.owner_id
            """;

    List<DealView> deals(UUID org, @Nullable String stage, @Nullable UUID owner, @Nullable UUID account,
            @Nullable String q) {
        return jdbc.sql(DEAL_SELECT + """
                WHERE d.organization_id = :org AND (CAST(:stage AS TEXT) IS NULL OR d.stage = :stage)
                  AND (CAST(:owner AS UUID) IS NULL OR d.owner_id = :owner)
                  AND (CAST(:account AS UUID) IS NULL OR d.account_id = :account)
                  AND (CAST(:q AS TEXT) IS NULL OR d.title ILIKE '%' || :q || '%' OR a.name ILIKE '%' || :q || '%')
                ORDER BY d.created_at DESC LIMIT 1000""")
                .param("org", org).param("stage", blank(stage)).param("owner", owner).param("account", account)
                .param("q", blank(q)).query((rs, n) -> dealView(rs)).list();
    }

    Optional<DealView> dealView(UUID org, UUID id) {
        return jdbc.sql(DEAL_SELECT + " WHERE d.organization_id = :org AND d.id = :id").param("org", org)
                .param("id", id).query((rs, n) -> dealView(rs)).optional();
    }

    Optional<DealView> lead(UUID org, UUID procedure) {
        return jdbc.sql(DEAL_SELECT + " WHERE d.organization_id = :org AND d.procedure_id = :procedure")
                .param("org", org).param("procedure", procedure).query((rs, n) -> dealView(rs)).optional();
    }

    List<DealView> failures(UUID org) {
        return jdbc.sql(DEAL_SELECT + " WHERE d.organization_id = :org AND d.stage = 'LOST' "
                + "ORDER BY d.next_action_date NULLS LAST, d.created_at").param("org", org)
                .query((rs, n) -> dealView(rs)).list();
    }

    private static DealView dealView(ResultSet rs) throws SQLException {
        return new DealView(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("account_name"), rs.getString("title"), rs.getBigDecimal("value"),
                rs.getString("currency"), rs.getString("stage"), rs.getObject("owner_id", UUID.class),
                rs.getString("owner_name"), rs.getString("channel"), rs.getObject("procedure_id", UUID.class),
                rs.getString("lost_reason"), rs.getString("next_action"),
                rs.getObject("next_action_date", LocalDate.class), instant(rs, "won_at"),
                instant(rs, "created_at"));
    }

    List<MoveView> history(UUID org, UUID deal) {
        return jdbc.sql("""
                SELECT h.*, m.full_name FROM crm_deal_history h JOIN crm_deal d ON d.id = h.deal_id
                LEFT JOIN crm_manager m ON m.organization_id = d.organization_id AND m.user_id = h.by_user
                WHERE h.deal_id = :deal AND d.organization_id = :org ORDER BY h.id""")
                .param("deal", deal).param("org", org)
                .query((rs, n) -> new MoveView(rs.getString("from_stage"), rs.getString("to_stage"),
                        rs.getObject("by_user", UUID.class), rs.getString("full_name"), instant(rs, "at"),
                        rs.getString("note"))).list();
    }

    // ---- helpers

    static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static @Nullable Channel channel(@Nullable String s) {
        return s == null ? null : Channel.valueOf(s);
    }

    static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
