package org.openetp.procurement.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidId;
import org.openetp.procurement.Criterion;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureLanguage;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.ProcedureView;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;

/**
 * A procurement procedure and its lifecycle (SPEC §5.2): DRAFT → PUBLISHED → OPENED at the deadline → EVALUATION
 * → AWARDED, or CANCELLED / FAILED. Every transition checks its rules against the time it is given.
 */
public final class Procedure {

    /** How long before the submission deadline questions close, at most (SPEC §5.4). */
    static final Duration CLARIFICATION_LEAD = Duration.ofDays(3);

    private final ProcedureId id;
    private final UUID buyer;
    private final UUID createdBy;
    private final ProcedureKind kind;
    private final String title;
    private final String description;
    private final String currency;
    private ProcedureStatus status;
    private Instant submissionDeadline;
    private @Nullable Instant clarificationDeadline;
    private final List<Criterion> criteria;
    private final List<Lot> lots;
    private @Nullable Instant publishedAt;
    private @Nullable Instant openedAt;
    private @Nullable Instant closedAt;
    private @Nullable String cancelReason;
    private final byte[] sealedKey;
    private @Nullable Instant keyReleasedAt;
    private final Instant createdAt;
    private final long version;
    private final ProcedureSettings settings;
    // Null only for a procedure built in memory without it (a copy before it is read back): the stored column has one.
    private final @Nullable ProcedureLanguage language;

    public Procedure(ProcedureId id, UUID buyer, UUID createdBy, ProcedureKind kind, String title, String description,
            String currency, ProcedureStatus status, Instant submissionDeadline, @Nullable Instant clarificationDeadline,
            List<Criterion> criteria, List<Lot> lots, @Nullable Instant publishedAt, @Nullable Instant openedAt,
            @Nullable Instant closedAt, @Nullable String cancelReason, byte[] sealedKey,
            @Nullable Instant keyReleasedAt, Instant createdAt, long version, ProcedureSettings settings) {
        this(id, buyer, createdBy, kind, title, description, currency, status, submissionDeadline,
                clarificationDeadline, criteria, lots, publishedAt, openedAt, closedAt, cancelReason, sealedKey,
                keyReleasedAt, createdAt, version, settings, null);
    }

    /** The same, with the language its protocols are written in (as read from the store, or chosen at creation). */
    public Procedure(ProcedureId id, UUID buyer, UUID createdBy, ProcedureKind kind, String title, String description,
            String currency, ProcedureStatus status, Instant submissionDeadline, @Nullable Instant clarificationDeadline,
            List<Criterion> criteria, List<Lot> lots, @Nullable Instant publishedAt, @Nullable Instant openedAt,
            @Nullable Instant closedAt, @Nullable String cancelReason, byte[] sealedKey,
            @Nullable Instant keyReleasedAt, Instant createdAt, long version, ProcedureSettings settings,
            @Nullable ProcedureLanguage language) {
        this.language = language;
        this.id = id;
        this.buyer = buyer;
        this.createdBy = createdBy;
        this.kind = kind;
        this.title = title;
        this.description = description;
        this.currency = currency;
        this.status = status;
        this.submissionDeadline = submissionDeadline;
        this.clarificationDeadline = clarificationDeadline;
        this.criteria = List.copyOf(criteria);
        this.lots = List.copyOf(lots);
        this.publishedAt = publishedAt;
        this.openedAt = openedAt;
        this.closedAt = closedAt;
        this.cancelReason = cancelReason;
        this.sealedKey = sealedKey.clone();
        this.keyReleasedAt = keyReleasedAt;
        this.createdAt = createdAt;
        this.version = version;
        this.settings = settings;
    }

    /**
     * Publishes a draft: the submission deadline must leave at least {@code minPeriod} for suppliers; questions
     * close three days before it, or half-way when the period is shorter.
     */
    public void publish(Instant now, Duration minPeriod) {
        requireStatus(ProcedureStatus.DRAFT, "procedure.notDraft");
        if (submissionDeadline.isBefore(now.plus(minPeriod))) {
            throw new InvalidInputException("submissionDeadline", "procedure.deadline.tooSoon");
        }
        clarificationDeadline = submissionDeadline.minus(clarificationLead(Duration.between(now, submissionDeadline)));
        publishedAt = now;
        status = ProcedureStatus.PUBLISHED;
    }

    private static Duration clarificationLead(Duration period) {
        return period.dividedBy(2).compareTo(CLARIFICATION_LEAD) < 0 ? period.dividedBy(2) : CLARIFICATION_LEAD;
    }

    /**
     * Refuses a change of the documentation unless the procedure is a draft, or published and before its deadline;
     * a late change names the server time.
     */
    public void requireDocumentationOpen(Instant now) {
        if (status == ProcedureStatus.DRAFT) {
            return;
        }
        if (status != ProcedureStatus.PUBLISHED) {
            throw new RuleViolationException("documents.closed", status.name());
        }
        if (!now.isBefore(submissionDeadline)) {
            throw new RuleViolationException("documents.late", submissionDeadline.toString(), now.toString());
        }
    }

    /**
     * Amends the documentation of a published procedure before its deadline (SPEC §5.3). When less than
     * {@code minRemaining} is left, the submission deadline moves to {@code now + minRemaining} so that suppliers
     * have time to read the change, and questions reopen or stay open as they would after a publication with that
     * much time left. Returns the submission deadline in force afterwards.
     */
    public Instant amend(Instant now, Duration minRemaining) {
        requireStatus(ProcedureStatus.PUBLISHED, "documents.notPublished");
        requireDocumentationOpen(now);
        Instant earliest = now.plus(minRemaining);
        if (submissionDeadline.isBefore(earliest)) {
            // Rounded up to a whole minute: a deadline people read and quote, and never shorter than the minimum.
            Instant minute = earliest.truncatedTo(ChronoUnit.MINUTES);
            submissionDeadline = minute.equals(earliest) ? minute : minute.plus(Duration.ofMinutes(1));
            clarificationDeadline = submissionDeadline.minus(clarificationLead(minRemaining));
        }
        return submissionDeadline;
    }

    /** Whether suppliers may still submit, change or withdraw bids: published and before the deadline. */
    public boolean acceptingBids(Instant now) {
        return status == ProcedureStatus.PUBLISHED && now.isBefore(submissionDeadline);
    }

    /** Refuses a bid that comes too late, naming the server time (SPEC §5.5). */
    public void requireAcceptingBids(Instant now) {
        if (status != ProcedureStatus.PUBLISHED) {
            throw new RuleViolationException("bid.notAccepting", status.name());
        }
        if (!now.isBefore(submissionDeadline)) {
            throw new RuleViolationException("bid.late", submissionDeadline.toString(), now.toString());
        }
    }

    /**
     * Opens the bids once the deadline has passed: releases the sealed key and moves to evaluation, or fails the
     * procedure when nobody bid. Returns false, changing nothing, when it is not yet time.
     */
    public boolean open(Instant now, int bids) {
        if (status != ProcedureStatus.PUBLISHED || now.isBefore(submissionDeadline)) {
            return false;
        }
        openedAt = now;
        keyReleasedAt = now;
        if (bids == 0) {
            lots.forEach(Lot::fail);
            status = ProcedureStatus.FAILED;
            closedAt = now;
        } else {
            // An auction's lots are decided by their live auctions (SPEC §6), not by an evaluation.
            status = kind.auction() ? ProcedureStatus.OPENED : ProcedureStatus.EVALUATION;
        }
        return true;
    }

    /** Whether the offers are open to the auction engine but the live auctions of the lots are still to end. */
    public boolean auctionRunning() {
        return kind.auction() && status == ProcedureStatus.OPENED;
    }

    /** Whether the sealed bids may be read by anyone but their bidders. */
    public boolean opened() {
        return keyReleasedAt != null;
    }

    /** Awards a lot to the given bid during evaluation; closes the procedure when every lot is decided. */
    public void award(LotId lotId, BidId bid, Instant now) {
        requireDeciding();
        lot(lotId).award(bid);
        closeIfDecided(now);
    }

    /** Declares a lot failed (no admissible bid) during evaluation. */
    public void failLot(LotId lotId, Instant now) {
        requireDeciding();
        lot(lotId).fail();
        closeIfDecided(now);
    }

    private void closeIfDecided(Instant now) {
        if (lots.stream().allMatch(Lot::decided)) {
            boolean anyAwarded = lots.stream().anyMatch(l -> l.status() == Lot.Status.AWARDED);
            status = anyAwarded ? ProcedureStatus.AWARDED : ProcedureStatus.FAILED;
            closedAt = now;
        }
    }

    /** The buyer cancels a draft or a published procedure before its bids are opened, saying why. */
    public void cancel(@Nullable String reason, Instant now) {
        if (status != ProcedureStatus.DRAFT && status != ProcedureStatus.PUBLISHED) {
            throw new RuleViolationException("procedure.cannotCancel", status.name());
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "procedure.cancel.reason");
        }
        cancelReason = reason.strip();
        status = ProcedureStatus.CANCELLED;
        closedAt = now;
    }

    /**
     * Whether anyone may see it: a procedure that was published, of a kind open to all. A draft cancelled before
     * publication stays private, and so does a tender by invitation, whatever its status.
     */
    public boolean isPublic() {
        return publishedAt != null && kind.openToAll() && !settings.invitedOnly();
    }

    /**
     * Competitive negotiations (SPEC §5.1): the buyer calls for final offers; their deadline becomes the submission
     * deadline, at which they are opened like sealed bids. Questions close with it at the latest.
     */
    public void callForFinalOffers(Instant deadline, Instant now) {
        requireStatus(ProcedureStatus.PUBLISHED, "negotiations.notPublished");
        if (!deadline.isAfter(now)) {
            throw new InvalidInputException("deadline", "negotiations.deadline.past");
        }
        submissionDeadline = deadline;
        if (clarificationDeadline == null || clarificationDeadline.isAfter(deadline)) {
            clarificationDeadline = deadline;
        }
    }

    public Lot lot(LotId lotId) {
        return findLot(lotId).orElseThrow(() -> new org.openetp.shared.NotFoundException("Lot"));
    }

    public Optional<Lot> findLot(LotId lotId) {
        return lots.stream().filter(l -> l.id().equals(lotId)).findFirst();
    }

    private void requireDeciding() {
        requireStatus(kind.auction() ? ProcedureStatus.OPENED : ProcedureStatus.EVALUATION,
                "procedure.notInEvaluation");
    }

    private void requireStatus(ProcedureStatus expected, String messageKey) {
        if (status != expected) {
            throw new RuleViolationException(messageKey, status.name());
        }
    }

    public ProcedureView view() {
        return new ProcedureView(id, buyer, kind, title, description, currency, status, submissionDeadline,
                clarificationDeadline, publishedAt, openedAt, cancelReason, criteria,
                lots.stream().map(l -> l.view(currency)).toList(), settings, language);
    }

    public @Nullable ProcedureLanguage language() { return language; }

    public ProcedureId id() { return id; }
    public UUID buyer() { return buyer; }
    public UUID createdBy() { return createdBy; }
    public ProcedureKind kind() { return kind; }

    public ProcedureSettings settings() { return settings; }
    public String title() { return title; }
    public String description() { return description; }
    public String currency() { return currency; }
    public ProcedureStatus status() { return status; }
    public Instant submissionDeadline() { return submissionDeadline; }
    public @Nullable Instant clarificationDeadline() { return clarificationDeadline; }
    public List<Criterion> criteria() { return criteria; }
    public List<Lot> lots() { return lots; }
    public @Nullable Instant publishedAt() { return publishedAt; }
    public @Nullable Instant openedAt() { return openedAt; }
    public @Nullable Instant closedAt() { return closedAt; }
    public @Nullable String cancelReason() { return cancelReason; }
    public byte[] sealedKey() { return sealedKey.clone(); }
    public @Nullable Instant keyReleasedAt() { return keyReleasedAt; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
