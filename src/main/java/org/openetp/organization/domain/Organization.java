package org.openetp.organization.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationStatus;
import org.openetp.organization.OrganizationView;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;

/**
 * An organization and its accreditation rules: it starts PENDING; an operator accredits or rejects it (with a
 * reason) once; a rejected organization that corrects its requisites goes back to the queue.
 */
public final class Organization {

    private final OrganizationId id;
    private final String country;
    private final LegalForm legalForm;
    private final String taxId;
    private @Nullable String ogrn;
    private @Nullable String kpp;
    private Requisites requisites;
    private Set<String> categoriesOffered;
    private Set<String> categoriesConsumed;
    private OrganizationStatus status;
    private @Nullable String rejectionReason;
    private @Nullable Instant decidedAt;
    private @Nullable UserId decidedBy;
    private final Instant createdAt;
    private final long version;

    /** The editable part of an organization's profile. */
    public record Requisites(String fullName, String shortName, String legalAddress, String actualAddress,
            String postalAddress, boolean sme, @Nullable String industry, @Nullable String region) {
    }

    public Organization(OrganizationId id, String country, LegalForm legalForm, String taxId, @Nullable String ogrn,
            @Nullable String kpp, Requisites requisites, Set<String> categoriesOffered,
            Set<String> categoriesConsumed, OrganizationStatus status, @Nullable String rejectionReason,
            @Nullable Instant decidedAt, @Nullable UserId decidedBy, Instant createdAt, long version) {
        this.id = id;
        this.country = country;
        this.legalForm = legalForm;
        this.taxId = taxId;
        this.ogrn = ogrn;
        this.kpp = kpp;
        this.requisites = requisites;
        this.categoriesOffered = new TreeSet<>(categoriesOffered);
        this.categoriesConsumed = new TreeSet<>(categoriesConsumed);
        this.status = status;
        this.rejectionReason = rejectionReason;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** A newly registered organization, waiting for the operator. */
    public static Organization register(String country, LegalForm legalForm, String taxId, @Nullable String ogrn,
            @Nullable String kpp, Requisites requisites, Set<String> offered, Set<String> consumed, Instant now) {
        return new Organization(OrganizationId.random(), country, legalForm, taxId, ogrn, kpp, requisites, offered,
                consumed, OrganizationStatus.PENDING, null, null, null, now, 0);
    }

    /** The operator accredits a pending organization. */
    public void accredit(UserId operator, Instant now) {
        requirePending();
        status = OrganizationStatus.ACCREDITED;
        rejectionReason = null;
        decidedAt = now;
        decidedBy = operator;
    }

    /** The operator rejects a pending organization, saying why. */
    public void reject(UserId operator, @Nullable String reason, Instant now) {
        requirePending();
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "accreditation.reason.required");
        }
        if (reason.length() > 2000) {
            throw new InvalidInputException("reason", "accreditation.reason.long");
        }
        status = OrganizationStatus.REJECTED;
        rejectionReason = reason.trim();
        decidedAt = now;
        decidedBy = operator;
    }

    /**
     * The admin changes the requisites; returns true when this sends a rejected organization back to the
     * accreditation queue.
     */
    public boolean updateRequisites(Requisites newRequisites, @Nullable String newOgrn, @Nullable String newKpp,
            Set<String> offered, Set<String> consumed) {
        requisites = newRequisites;
        ogrn = newOgrn;
        kpp = newKpp;
        categoriesOffered = new TreeSet<>(offered);
        categoriesConsumed = new TreeSet<>(consumed);
        if (status == OrganizationStatus.REJECTED) {
            status = OrganizationStatus.PENDING;
            decidedAt = null;
            decidedBy = null;
            return true;
        }
        return false;
    }

    /** Whether it may act on the marketplace (publish, bid, evaluate). */
    public boolean accredited() {
        return status == OrganizationStatus.ACCREDITED;
    }

    private void requirePending() {
        if (status != OrganizationStatus.PENDING) {
            throw new RuleViolationException("accreditation.notPending", status.name());
        }
    }

    public OrganizationView view() {
        return new OrganizationView(id, country, legalForm.name(), taxId, ogrn, kpp, requisites.fullName(),
                requisites.shortName(), requisites.legalAddress(), requisites.actualAddress(),
                requisites.postalAddress(), requisites.sme(), requisites.industry(), requisites.region(), status,
                rejectionReason, decidedAt, createdAt, List.copyOf(categoriesOffered),
                List.copyOf(categoriesConsumed));
    }

    public OrganizationId id() { return id; }
    public String country() { return country; }
    public LegalForm legalForm() { return legalForm; }
    public String taxId() { return taxId; }
    public @Nullable String ogrn() { return ogrn; }
    public @Nullable String kpp() { return kpp; }
    public Requisites requisites() { return requisites; }
    public Set<String> categoriesOffered() { return Set.copyOf(categoriesOffered); }
    public Set<String> categoriesConsumed() { return Set.copyOf(categoriesConsumed); }
    public OrganizationStatus status() { return status; }
    public @Nullable String rejectionReason() { return rejectionReason; }
    public @Nullable Instant decidedAt() { return decidedAt; }
    public @Nullable UserId decidedBy() { return decidedBy; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
