package org.openetp.organization.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.UserId;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationStatus;
import org.openetp.organization.Role;
import org.openetp.organization.domain.LegalForm;
import org.openetp.organization.domain.Organization;
import org.openetp.shared.RequestMemo;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores organizations, their categories and members, with visible SQL and optimistic locking. */
@Repository
public class OrganizationRepository {

    private static final String COLUMNS = """
            id, country, legal_form, tax_id, ogrn, kpp, full_name, short_name, legal_address, actual_address,
            postal_address, sme, industry, region_code, status, rejection_reason, decided_at, decided_by,
            created_at, version""";

    private final JdbcClient jdbc;

    /** The {@link RequestMemo} space of the memberships: any write to organizations or members turns it off. */
    private static final String MEMBERSHIPS = "organization.memberships";

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean taxIdTaken(String country, String taxId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organization WHERE country = :country AND tax_id = :taxId)")
                .param("country", country).param("taxId", taxId).query(Boolean.class).single();
    }

    public List<OrganizationId> accreditedByTaxId(String taxId) {
        return jdbc.sql("SELECT id FROM organization WHERE tax_id = :taxId AND status = 'ACCREDITED' ORDER BY id")
                .param("taxId", taxId).query((rs, n) -> new OrganizationId(rs.getObject("id", UUID.class))).list();
    }

    public Optional<Organization> find(OrganizationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = :id")
                .param("id", id.value()).query(this::map).optional();
    }

    /** Records the industry the operator saw when accrediting (what industry rules read). */
    public void verifyIndustry(OrganizationId id, @Nullable String industry) {
        jdbc.sql("UPDATE organization SET verified_industry = :industry WHERE id = :id")
                .param("industry", industry).param("id", id.value()).update();
    }

    public @Nullable String verifiedIndustry(OrganizationId id) {
        return jdbc.sql("SELECT verified_industry FROM organization WHERE id = :id").param("id", id.value())
                .query(String.class).optional().orElse(null);
    }

    /** Loads the organization and locks its row until the transaction ends, for a decision that must not race. */
    public Optional<Organization> findForUpdate(OrganizationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = :id FOR UPDATE")
                .param("id", id.value()).query(this::map).optional();
    }

    public List<Organization> findByStatus(OrganizationStatus status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE status = :status "
                        + "ORDER BY created_at, id LIMIT :limit")
                .param("status", status.name()).param("limit", limit).query(this::map).list();
    }

    public void insert(Organization o) {
        RequestMemo.forget(MEMBERSHIPS);
        Organization.Requisites r = o.requisites();
        jdbc.sql("""
                INSERT INTO organization (id, country, legal_form, tax_id, ogrn, kpp, full_name, short_name,
                    legal_address, actual_address, postal_address, sme, industry, region_code, status, created_at)
                VALUES (:id, :country, :legalForm, :taxId, :ogrn, :kpp, :fullName, :shortName, :legalAddress,
                    :actualAddress, :postalAddress, :sme, :industry, :region, :status, :createdAt)
                """)
                .param("id", o.id().value())
                .param("country", o.country())
                .param("legalForm", o.legalForm().name())
                .param("taxId", o.taxId())
                .param("ogrn", o.ogrn())
                .param("kpp", o.kpp())
                .param("fullName", r.fullName())
                .param("shortName", r.shortName())
                .param("legalAddress", r.legalAddress())
                .param("actualAddress", r.actualAddress())
                .param("postalAddress", r.postalAddress())
                .param("sme", r.sme())
                .param("industry", r.industry())
                .param("region", r.region())
                .param("status", o.status().name())
                .param("createdAt", Timestamp.from(o.createdAt()))
                .update();
        writeCategories(o);
    }

    public void update(Organization o) {
        RequestMemo.forget(MEMBERSHIPS);
        Organization.Requisites r = o.requisites();
        int rows = jdbc.sql("""
                UPDATE organization SET ogrn = :ogrn, kpp = :kpp, full_name = :fullName, short_name = :shortName,
                    legal_address = :legalAddress, actual_address = :actualAddress, postal_address = :postalAddress,
                    sme = :sme, industry = :industry, region_code = :region, status = :status,
                    rejection_reason = :reason, decided_at = :decidedAt, decided_by = :decidedBy,
                    version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("ogrn", o.ogrn())
                .param("kpp", o.kpp())
                .param("fullName", r.fullName())
                .param("shortName", r.shortName())
                .param("legalAddress", r.legalAddress())
                .param("actualAddress", r.actualAddress())
                .param("postalAddress", r.postalAddress())
                .param("sme", r.sme())
                .param("industry", r.industry())
                .param("region", r.region())
                .param("status", o.status().name())
                .param("reason", o.rejectionReason())
                .param("decidedAt", o.decidedAt() == null ? null : Timestamp.from(o.decidedAt()))
                .param("decidedBy", o.decidedBy() == null ? null : o.decidedBy().value())
                .param("id", o.id().value())
                .param("version", o.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("Organization " + o.id() + " was changed concurrently");
        }
        jdbc.sql("DELETE FROM organization_category WHERE organization_id = :id").param("id", o.id().value())
                .update();
        writeCategories(o);
    }

    private void writeCategories(Organization o) {
        for (String code : o.categoriesOffered()) {
            insertCategory(o.id(), "OFFERED", code);
        }
        for (String code : o.categoriesConsumed()) {
            insertCategory(o.id(), "CONSUMED", code);
        }
    }

    private void insertCategory(OrganizationId id, String direction, String code) {
        jdbc.sql("INSERT INTO organization_category (organization_id, direction, code) VALUES (:id, :dir, :code)")
                .param("id", id.value()).param("dir", direction).param("code", code).update();
    }

    // ---- members

    public void addMember(OrganizationId org, UserId user, Set<Role> roles, Instant now) {
        RequestMemo.forget(MEMBERSHIPS);
        jdbc.sql("""
                INSERT INTO organization_member (organization_id, user_id, roles, added_at)
                VALUES (:org, :user, :roles, :at)
                """)
                .param("org", org.value()).param("user", user.value()).param("roles", names(roles))
                .param("at", Timestamp.from(now)).update();
    }

    public boolean setRoles(OrganizationId org, UserId user, Set<Role> roles) {
        RequestMemo.forget(MEMBERSHIPS);
        return jdbc.sql("UPDATE organization_member SET roles = :roles WHERE organization_id = :org AND user_id = :user")
                .param("roles", names(roles)).param("org", org.value()).param("user", user.value())
                .update() == 1;
    }

    public boolean removeMember(OrganizationId org, UserId user) {
        RequestMemo.forget(MEMBERSHIPS);
        return jdbc.sql("DELETE FROM organization_member WHERE organization_id = :org AND user_id = :user")
                .param("org", org.value()).param("user", user.value()).update() == 1;
    }

    /** Each member's roles; the admin page joins them with the people's names from identity. */
    public Map<UserId, Set<Role>> members(OrganizationId org) {
        return jdbc.sql("SELECT user_id, roles FROM organization_member WHERE organization_id = :org ORDER BY added_at")
                .param("org", org.value())
                .query((rs, n) -> Map.entry(new UserId(rs.getObject("user_id", UUID.class)), roles(rs.getArray("roles"))))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    public Set<Role> rolesOf(OrganizationId org, UserId user) {
        return jdbc.sql("SELECT roles FROM organization_member WHERE organization_id = :org AND user_id = :user")
                .param("org", org.value()).param("user", user.value())
                .query((rs, n) -> roles(rs.getArray("roles"))).optional().orElse(Set.of());
    }

    /** Admins left if this user lost the admin role: an organization must never be left without one. */
    public long otherAdmins(OrganizationId org, UserId user) {
        return jdbc.sql("""
                SELECT count(*) FROM organization_member
                WHERE organization_id = :org AND user_id <> :user AND 'ADMIN' = ANY (roles)
                """)
                .param("org", org.value()).param("user", user.value()).query(Long.class).single();
    }

    public List<UserId> admins(OrganizationId org) {
        return jdbc.sql("SELECT user_id FROM organization_member WHERE organization_id = :org AND 'ADMIN' = ANY (roles)")
                .param("org", org.value())
                .query((rs, n) -> new UserId(rs.getObject("user_id", UUID.class))).list();
    }

    public List<UserId> membersWithRole(OrganizationId org, Role role) {
        return jdbc.sql("""
                SELECT user_id FROM organization_member WHERE organization_id = :org AND :role = ANY (roles)
                ORDER BY added_at, user_id
                """)
                .param("org", org.value()).param("role", role.name())
                .query((rs, n) -> new UserId(rs.getObject("user_id", UUID.class))).list();
    }

    /**
     * Served by the (code, direction) index: one probe per code, however many organizations there are. Leaving out
     * every member of {@code except} also leaves out that organization itself.
     */
    public List<UserId> suppliersOffering(Collection<String> codes, OrganizationId except) {
        return jdbc.sql("""
                SELECT DISTINCT m.user_id FROM organization_category c
                JOIN organization o ON o.id = c.organization_id
                JOIN organization_member m ON m.organization_id = o.id
                WHERE c.direction = 'OFFERED' AND c.code = ANY (:codes) AND o.status = 'ACCREDITED'
                  AND 'SUPPLIER' = ANY (m.roles)
                  AND NOT EXISTS (SELECT 1 FROM organization_member b
                                  WHERE b.organization_id = :except AND b.user_id = m.user_id)
                """)
                .param("codes", codes.toArray(String[]::new)).param("except", except.value())
                .query((rs, n) -> new UserId(rs.getObject("user_id", UUID.class))).list();
    }

    /** Accredited organizations offering any of the codes, except {@code except}. */
    public List<OrganizationId> organizationsOffering(Collection<String> codes, OrganizationId except) {
        return jdbc.sql("""
                SELECT DISTINCT o.id FROM organization_category c
                JOIN organization o ON o.id = c.organization_id
                WHERE c.direction = 'OFFERED' AND c.code = ANY (:codes) AND o.status = 'ACCREDITED'
                  AND o.id <> :except
                """)
                .param("codes", codes.toArray(String[]::new)).param("except", except.value())
                .query((rs, n) -> new OrganizationId(rs.getObject("id", UUID.class))).list();
    }

    /** The organization registered with the tax id, in any country. */
    public Optional<OrganizationId> findByTaxId(String taxId) {
        return jdbc.sql("SELECT id FROM organization WHERE tax_id = :taxId ORDER BY created_at LIMIT 1")
                .param("taxId", taxId)
                .query((rs, n) -> new OrganizationId(rs.getObject("id", UUID.class))).optional();
    }

    /** Kept for the rest of the request: a page's components each check the user's roles (issue 16). */
    public List<Membership> membershipsOf(UserId user) {
        return RequestMemo.get(MEMBERSHIPS, user, () -> List.copyOf(readMembershipsOf(user)));
    }

    private List<Membership> readMembershipsOf(UserId user) {
        return jdbc.sql("""
                SELECT o.id, o.short_name, o.status, m.roles FROM organization_member m
                JOIN organization o ON o.id = m.organization_id
                WHERE m.user_id = :user ORDER BY m.added_at
                """)
                .param("user", user.value())
                .query((rs, n) -> new Membership(new OrganizationId(rs.getObject("id", UUID.class)),
                        rs.getString("short_name"), OrganizationStatus.valueOf(rs.getString("status")),
                        roles(rs.getArray("roles"))))
                .list();
    }

    /** The memberships of each of these users, in one query (users with none are absent). */
    public Map<UserId, List<Membership>> membershipsOf(Collection<UserId> users) {
        Map<UserId, List<Membership>> byUser = new HashMap<>();
        jdbc.sql("""
                SELECT m.user_id, o.id, o.short_name, o.status, m.roles FROM organization_member m
                JOIN organization o ON o.id = m.organization_id
                WHERE m.user_id = ANY(:users) ORDER BY m.added_at
                """)
                .param("users", users.stream().map(UserId::value).distinct().toArray(UUID[]::new))
                .query((RowCallbackHandler) rs -> byUser.computeIfAbsent(
                        new UserId(rs.getObject("user_id", UUID.class)), u -> new ArrayList<>())
                        .add(new Membership(new OrganizationId(rs.getObject("id", UUID.class)),
                                rs.getString("short_name"), OrganizationStatus.valueOf(rs.getString("status")),
                                roles(rs.getArray("roles")))));
        return byUser;
    }

    private static String[] names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : (String[]) array.getArray()) {
            roles.add(Role.valueOf(name));
        }
        return roles;
    }

    private Organization map(ResultSet rs, int row) throws SQLException {
        OrganizationId id = new OrganizationId(rs.getObject("id", UUID.class));
        Set<String> offered = new TreeSet<>();
        Set<String> consumed = new TreeSet<>();
        jdbc.sql("SELECT direction, code FROM organization_category WHERE organization_id = :id")
                .param("id", id.value())
                .query(r -> {
                    (r.getString("direction").equals("OFFERED") ? offered : consumed).add(r.getString("code"));
                });
        UUID decidedBy = rs.getObject("decided_by", UUID.class);
        return new Organization(id, rs.getString("country").trim(), LegalForm.valueOf(rs.getString("legal_form")),
                rs.getString("tax_id"), rs.getString("ogrn"), rs.getString("kpp"),
                new Organization.Requisites(rs.getString("full_name"), rs.getString("short_name"),
                        rs.getString("legal_address"), rs.getString("actual_address"),
                        rs.getString("postal_address"), rs.getBoolean("sme"), rs.getString("industry"),
                        rs.getString("region_code")),
                offered, consumed, OrganizationStatus.valueOf(rs.getString("status")),
                rs.getString("rejection_reason"), instant(rs.getTimestamp("decided_at")),
                decidedBy == null ? null : new UserId(decidedBy), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
