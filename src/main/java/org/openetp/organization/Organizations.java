package org.openetp.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Classifier;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.openetp.identity.NewUser;
import org.openetp.identity.UserId;
import org.openetp.identity.UserSummary;
import org.openetp.organization.domain.FieldChecks;
import org.openetp.organization.domain.IdentifierRules;
import org.openetp.organization.domain.LegalForm;
import org.openetp.organization.domain.Organization;
import org.openetp.organization.persistence.OrganizationRepository;
import org.openetp.shared.ConflictException;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization module's API: registration, profile and members, accreditation, and the role checks every
 * other module relies on before a user acts for an organization.
 */
@Service
public class Organizations {

    /** Roles the registering person receives: they run the organization and may both buy and sell. */
    private static final Set<Role> FOUNDER_ROLES = EnumSet.of(Role.ADMIN, Role.BUYER, Role.SUPPLIER);

    private final OrganizationRepository repository;
    private final Identity identity;
    private final Classifier classifier;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Organizations(OrganizationRepository repository, Identity identity, Classifier classifier,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.identity = identity;
        this.classifier = classifier;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers an organization and, unless {@code existingUser} is given, its first user (who must then confirm
     * the e-mail). Every invalid field is reported at once and nothing is stored; a used e-mail or tax id is a
     * conflict.
     */
    @Transactional
    public RegistrationResult register(RegisterOrganization form, @Nullable UserId existingUser, String locale) {
        FieldChecks checks = new FieldChecks();
        NewUser newUser = existingUser == null ? newUser(checks, form.user(), locale) : null;
        RegisterOrganization.OrganizationPart o = form.organization();
        if (o == null) {
            checks.add("organization", "field.required");
            throw new InvalidInputException(checks.errors());
        }
        String country = checks.country("organization.country", o.country());
        LegalForm legalForm = checks.legalForm("organization.legalForm", o.legalForm());
        if (country != null && !checks.hasErrorOn("organization.legalForm")) {
            checks.addAll(IdentifierRules.check(country, legalForm, o.taxId(), o.ogrn(), o.kpp()));
        } else if (o.taxId() == null || o.taxId().isBlank()) {
            checks.add("organization.taxId", "identifier.required");
        }
        Organization.Requisites requisites = requisites(checks, o.fullName(), o.shortName(), o.legalAddress(),
                o.actualAddress(), o.postalAddress(), o.sme(), o.industry(), o.region());
        Set<String> offered = categories(checks, "organization.categoriesOffered", o.categoriesOffered());
        Set<String> consumed = categories(checks, "organization.categoriesConsumed", o.categoriesConsumed());
        if (!checks.errors().isEmpty()) {
            throw new InvalidInputException(checks.errors());
        }
        String taxId = IdentifierRules.normalize(o.taxId());
        if (newUser != null && identity.emailTaken(newUser.email())) {
            throw new ConflictException("user.email", "registration.email.taken");
        }
        if (repository.taxIdTaken(country, taxId)) {
            throw new ConflictException("organization.taxId", "registration.taxId.taken");
        }
        UserId userId = existingUser != null ? existingUser : identity.register(newUser);
        Instant now = clock.instant();
        boolean russian = "RU".equals(country);
        Organization organization = Organization.register(country, legalForm, taxId,
                russian ? IdentifierRules.normalize(o.ogrn()) : null,
                russian ? IdentifierRules.normalize(o.kpp()) : null, requisites, offered, consumed, now);
        try {
            repository.insert(organization);
        } catch (DuplicateKeyException raceWithAnotherRegistration) {
            throw new ConflictException("organization.taxId", "registration.taxId.taken");
        }
        repository.addMember(organization.id(), userId, FOUNDER_ROLES, now);
        events.publishEvent(new OrganizationRegistered(organization.id(), userId, country, taxId, now));
        events.publishEvent(new MemberAdded(organization.id(), userId, FOUNDER_ROLES, userId, now));
        return new RegistrationResult(userId, organization.id(), organization.status());
    }

    /** The first user's part of the form, checked; null when it is missing (reported on {@code checks}). */
    private static @Nullable NewUser newUser(FieldChecks checks, RegisterOrganization.@Nullable UserPart u,
            String locale) {
        if (u == null) {
            checks.add("user", "field.required");
            return null;
        }
        String fullName = checks.text("user.fullName", u.fullName(), 200);
        String email = checks.email("user.email", u.email());
        String phone = checks.phone("user.phone", u.phone());
        String position = checks.text("user.position", u.position(), 200);
        if (u.password() == null || u.password().isEmpty()) {
            checks.add("user.password", "field.required");
        } else if (u.password().length() < Identity.MIN_PASSWORD_LENGTH) {
            checks.add("user.password", "registration.password.short");
        } else if (u.password().length() > 128) {
            checks.add("user.password", "field.tooLong");
        }
        return new NewUser(fullName, email, phone, position, u.password(), locale);
    }

    /** The organization, for its members and operators; "not found" for everybody else. */
    @Transactional(readOnly = true)
    public OrganizationView view(CurrentUser user, OrganizationId id) {
        Organization organization = repository.find(id).orElseThrow(() -> new NotFoundException("Organization"));
        if (!user.operator() && repository.rolesOf(id, user.id()).isEmpty()) {
            throw new NotFoundException("Organization");
        }
        return organization.view();
    }

    /**
     * The organization's industry as the operator saw it at accreditation, for rules that give something for an
     * industry (SPEC §4.2: purchases of the nuclear industry). The admin may edit the declared industry at any time;
     * that edit counts only once an operator accredits the organization again. Null when none was verified.
     */
    @Transactional(readOnly = true)
    public @Nullable String industryOf(OrganizationId id) {
        return repository.verifiedIndustry(id);
    }

    /**
     * Whether the organization is flagged small or medium-sized (SPEC §5.1, SME-only tenders), as its requisites
     * declare it; false for an unknown organization.
     */
    @Transactional(readOnly = true)
    public boolean isSme(OrganizationId id) {
        return repository.find(id).map(o -> o.view().sme()).orElse(false);
    }

    /** The accredited organizations registered with the tax id (in any country), e.g. to invite one to a tender. */
    @Transactional(readOnly = true)
    public List<OrganizationId> accreditedByTaxId(String taxId) {
        return repository.accreditedByTaxId(taxId.strip());
    }

    /** Whether the organization exists and is accredited, e.g. before a buyer invites it. */
    @Transactional(readOnly = true)
    public boolean accredited(OrganizationId id) {
        return repository.find(id).map(o -> o.view().status() == OrganizationStatus.ACCREDITED).orElse(false);
    }

    /** The organization's short name as the marketplace shows it to its counterparts (empty when unknown). */
    @Transactional(readOnly = true)
    public String shortName(OrganizationId id) {
        return repository.find(id).map(o -> o.view().shortName()).orElse("");
    }

    /** The organizations the user belongs to, with the user's roles in each. */
    @Transactional(readOnly = true)
    public List<Membership> membershipsOf(UserId user) {
        return repository.membershipsOf(user);
    }

    /** The memberships of each of these users, in one query (a batch of live bids checks them together). */
    @Transactional(readOnly = true)
    public Map<UserId, List<Membership>> membershipsOf(Collection<UserId> users) {
        return users.isEmpty() ? Map.of() : repository.membershipsOf(users);
    }

    /**
     * Checks that the user may act in the role for the organization: a member holding the role, and, for
     * marketplace roles, an accredited organization. Throws 403 with the reason otherwise.
     */
    @Transactional(readOnly = true)
    public void requireRole(UserId user, OrganizationId id, Role role) {
        Organization organization = repository.find(id).orElseThrow(() -> new NotFoundException("Organization"));
        if (!repository.rolesOf(id, user).contains(role)) {
            throw new ForbiddenException("organization.role.missing");
        }
        if (role.needsAccreditation() && !organization.accredited()) {
            throw new ForbiddenException("organization.notAccredited");
        }
    }

    /**
     * The organization the user acts for in the role: the one named, or else the only one where the user holds the
     * role (403 when none, 400 on {@code organizationId} when several). Checked like {@link #requireRole}. The one
     * answer for every module that lets a caller leave the organization out when it is unambiguous.
     */
    @Transactional(readOnly = true)
    public OrganizationId actingAs(CurrentUser user, @Nullable OrganizationId named, Role role) {
        OrganizationId organization = named;
        if (organization == null) {
            List<Membership> candidates = membershipsOf(user.id()).stream().filter(m -> m.has(role)).toList();
            if (candidates.isEmpty()) {
                throw new ForbiddenException("organization.role.missing");
            }
            if (candidates.size() > 1) {
                throw new InvalidInputException("organizationId", "procedure.organization.choose");
            }
            organization = candidates.getFirst().organization();
        }
        requireRole(user.id(), organization, role);
        return organization;
    }

    /** Organizations waiting for accreditation, oldest first (operator). */
    @Transactional(readOnly = true)
    public List<OrganizationView> pending(CurrentUser operator) {
        requireOperator(operator);
        return repository.findByStatus(OrganizationStatus.PENDING, 500).stream().map(Organization::view).toList();
    }

    /** Accredits a pending organization (operator); its admins are notified. */
    @Transactional
    public OrganizationView accredit(CurrentUser operator, OrganizationId id) {
        requireOperator(operator);
        Organization organization = lock(id);
        Instant now = clock.instant();
        organization.accredit(operator.id(), now);
        repository.update(organization);
        repository.verifyIndustry(id, organization.view().industry());
        events.publishEvent(new OrganizationAccredited(id, operator.id(), now));
        return organization.view();
    }

    /** Rejects a pending organization with a reason (operator); its admins are notified. */
    @Transactional
    public OrganizationView reject(CurrentUser operator, OrganizationId id, @Nullable String reason) {
        requireOperator(operator);
        Organization organization = lock(id);
        Instant now = clock.instant();
        organization.reject(operator.id(), reason, now);
        repository.update(organization);
        events.publishEvent(new OrganizationRejected(id, operator.id(), organization.rejectionReason(), now));
        return organization.view();
    }

    /** The admin edits requisites and categories; a rejected organization goes back to the queue. */
    @Transactional
    public OrganizationView updateRequisites(CurrentUser admin, OrganizationId id, UpdateRequisites change) {
        requireAdmin(admin, id);
        Organization organization = lock(id);
        FieldChecks checks = new FieldChecks();
        Organization.Requisites requisites = requisites(checks, change.fullName(), change.shortName(),
                change.legalAddress(), change.actualAddress(), change.postalAddress(), change.sme(),
                change.industry(), change.region());
        // OGRN and KPP are re-checked by the same rules as at registration; the tax id itself cannot change.
        checks.addAll(IdentifierRules.check(organization.country(), organization.legalForm(),
                organization.taxId(), change.ogrn(), change.kpp()));
        Set<String> offered = categories(checks, "organization.categoriesOffered", change.categoriesOffered());
        Set<String> consumed = categories(checks, "organization.categoriesConsumed", change.categoriesConsumed());
        if (!checks.errors().isEmpty()) {
            throw new InvalidInputException(checks.errors());
        }
        boolean russian = "RU".equals(organization.country());
        boolean resubmitted = organization.updateRequisites(requisites,
                russian ? IdentifierRules.normalize(change.ogrn()) : null,
                russian ? IdentifierRules.normalize(change.kpp()) : null, offered, consumed);
        repository.update(organization);
        events.publishEvent(new RequisitesUpdated(id, admin.id(), resubmitted, clock.instant()));
        return organization.view();
    }

    /** Members with their roles (any member may look; the operator too). */
    @Transactional(readOnly = true)
    public List<Member> members(CurrentUser user, OrganizationId id) {
        view(user, id);
        Map<UserId, Set<Role>> roles = repository.members(id);
        Map<UserId, UserSummary> people = identity.findAll(roles.keySet()); // one query, not one per member
        List<Member> members = new ArrayList<>();
        for (Map.Entry<UserId, Set<Role>> m : roles.entrySet()) {
            UserSummary s = people.get(m.getKey());
            if (s != null) {
                members.add(new Member(s.id(), s.email(), s.fullName(), m.getValue()));
            }
        }
        return members;
    }

    /** The admin adds a registered user by e-mail with the given roles. */
    @Transactional
    public Member addMember(CurrentUser admin, OrganizationId id, @Nullable String email,
            @Nullable Set<Role> roles) {
        requireAdmin(admin, id);
        Set<Role> checkedRoles = roles(roles);
        UserSummary user = Optional.ofNullable(email).filter(e -> !e.isBlank())
                .flatMap(identity::findByEmail)
                .orElseThrow(() -> new InvalidInputException("email", "member.unknownUser"));
        if (!repository.rolesOf(id, user.id()).isEmpty()) {
            throw new ConflictException("email", "member.already");
        }
        repository.addMember(id, user.id(), checkedRoles, clock.instant());
        events.publishEvent(new MemberAdded(id, user.id(), checkedRoles, admin.id(), clock.instant()));
        return new Member(user.id(), user.email(), user.fullName(), checkedRoles);
    }

    /** The admin changes a member's roles; the last admin cannot give up the admin role. */
    @Transactional
    public void changeRoles(CurrentUser admin, OrganizationId id, UserId member, @Nullable Set<Role> roles) {
        requireAdmin(admin, id);
        Set<Role> checkedRoles = roles(roles);
        lock(id);
        if (!checkedRoles.contains(Role.ADMIN) && repository.otherAdmins(id, member) == 0) {
            throw new InvalidInputException("roles", "member.lastAdmin");
        }
        if (!repository.setRoles(id, member, checkedRoles)) {
            throw new NotFoundException("Member");
        }
        events.publishEvent(new MemberRolesChanged(id, member, checkedRoles, admin.id(), clock.instant()));
    }

    /** The admin removes a member; the last admin cannot be removed. */
    @Transactional
    public void removeMember(CurrentUser admin, OrganizationId id, UserId member) {
        requireAdmin(admin, id);
        lock(id);
        if (repository.otherAdmins(id, member) == 0) {
            throw new InvalidInputException("member", "member.lastAdmin");
        }
        if (!repository.removeMember(id, member)) {
            throw new NotFoundException("Member");
        }
        events.publishEvent(new MemberRemoved(id, member, admin.id(), clock.instant()));
    }

    /** The organization's administrators, e.g. to tell them of an accreditation decision. */
    @Transactional(readOnly = true)
    public List<UserId> admins(OrganizationId id) {
        return repository.admins(id);
    }

    /** The members holding the role in the organization, e.g. its suppliers, to tell them what became of a bid. */
    @Transactional(readOnly = true)
    public List<UserId> membersWithRole(OrganizationId id, Role role) {
        return repository.membersWithRole(id, role);
    }

    /**
     * Supplier members of accredited organizations that offer any of the categories, leaving out everybody who
     * belongs to {@code except} (the buyer of a new procedure must not be offered its own procedure).
     */
    @Transactional(readOnly = true)
    public List<UserId> suppliersOffering(Collection<String> categoryCodes, OrganizationId except) {
        return categoryCodes.isEmpty() ? List.of() : repository.suppliersOffering(categoryCodes, except);
    }

    /**
     * Accredited organizations that offer any of the categories, leaving out {@code except}: the suppliers a new
     * procedure of {@code except} concerns (CRM tender-to-lead).
     */
    @Transactional(readOnly = true)
    public List<OrganizationId> organizationsOffering(Collection<String> categoryCodes, OrganizationId except) {
        return categoryCodes.isEmpty() ? List.of() : repository.organizationsOffering(categoryCodes, except);
    }

    /** The organization registered with the tax id, if any (used to link a CRM account to a platform member). */
    @Transactional(readOnly = true)
    public Optional<OrganizationId> findByTaxId(String taxId) {
        return repository.findByTaxId(IdentifierRules.normalize(taxId));
    }

    /**
     * The organization as the platform itself reads it, for other modules acting for the platform (a listener, a
     * contract recording its parties' requisites). Never hand its result to a caller without {@link #view}'s check.
     */
    @Transactional(readOnly = true)
    public Optional<OrganizationView> describe(OrganizationId id) {
        return repository.find(id).map(Organization::view);
    }

    private Organization lock(OrganizationId id) {
        return repository.findForUpdate(id).orElseThrow(() -> new NotFoundException("Organization"));
    }

    private void requireAdmin(CurrentUser user, OrganizationId id) {
        if (repository.find(id).isEmpty()) {
            throw new NotFoundException("Organization");
        }
        Set<Role> roles = repository.rolesOf(id, user.id());
        if (roles.isEmpty() && !user.operator()) {
            throw new NotFoundException("Organization");
        }
        if (!roles.contains(Role.ADMIN)) {
            throw new ForbiddenException("organization.role.missing");
        }
    }

    private static void requireOperator(CurrentUser user) {
        if (!user.operator()) {
            throw new ForbiddenException("operator.only");
        }
    }

    private static Set<Role> roles(@Nullable Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("roles", "member.roles.required");
        }
        return EnumSet.copyOf(roles);
    }

    private Organization.Requisites requisites(FieldChecks checks, @Nullable String fullName,
            @Nullable String shortName, @Nullable String legalAddress, @Nullable String actualAddress,
            @Nullable String postalAddress, @Nullable Boolean sme, @Nullable String industry,
            @Nullable String region) {
        String full = checks.text("organization.fullName", fullName, 500);
        String shortN = checks.text("organization.shortName", shortName, 200);
        String legal = checks.text("organization.legalAddress", legalAddress, 500);
        String actual = checks.text("organization.actualAddress", actualAddress, 500);
        String postal = checks.text("organization.postalAddress", postalAddress, 500);
        String ind = checks.optionalText("organization.industry", industry, 200);
        String reg = checks.optionalText("organization.region", region, 10);
        if (reg != null && !classifier.regionExists(reg)) {
            checks.add("organization.region", "region.unknown");
        }
        return new Organization.Requisites(full, shortN, legal, actual, postal, Boolean.TRUE.equals(sme), ind, reg);
    }

    private Set<String> categories(FieldChecks checks, String field, @Nullable List<String> codes) {
        if (codes == null) {
            return Set.of();
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String code : codes) {
            if (code != null && !code.isBlank()) {
                clean.add(code.strip());
            }
        }
        if (clean.size() > 200) {
            checks.add(field, "category.tooMany");
        } else if (!classifier.unknownCategories(clean).isEmpty()) {
            checks.add(field, "category.unknown");
        }
        return clean;
    }
}
