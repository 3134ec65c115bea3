package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a published procedure discloses to everyone, for the open-data publication (SPEC §9): never a draft, bids
 * only once they are opened (and an auction's only once its live auctions have ended), no bid content beyond the
 * price, nobody's personal data. Organizations are named by id; their public requisites come from the organization
 * module. {@code byInvitation}: a closed tender, negotiations or {@code invitedOnly}; {@code openData}: its buyer's
 * opt-in to the publication.
 */
public record PublicProcedure(ProcedureId id, UUID buyer, ProcedureKind kind, String title, String description,
        String currency, ProcedureStatus status, Instant publishedAt, Instant submissionDeadline,
        @Nullable Instant clarificationDeadline, @Nullable Instant openedAt, @Nullable Instant closedAt,
        @Nullable String cancelReason, List<Criterion> criteria, boolean byInvitation, boolean openData,
        List<Lot> lots, List<Version> versions, List<Document> documents, @Nullable List<Bid> bids,
        List<Award> awards, List<Contract> contracts) {

    /** Whether it may be published: open to all, or by invitation with the buyer's opt-in. */
    public boolean publishable() {
        return !byInvitation || openData;
    }

    /** A lot; {@code status} OPEN, AWARDED or FAILED; {@code winner} the awarded bid. */
    public record Lot(LotId id, int number, String title, String categoryCode, BigDecimal quantity, String unit,
            BigDecimal startPrice, @Nullable String deliveryRegion, String status, @Nullable BidId winner) {
    }

    /** A published documentation version (1 is the first publication, each next one an amendment). */
    public record Version(int number, Instant publishedAt, Instant submissionDeadline, boolean deadlineExtended) {
    }

    /** A published document with the SHA-256 of its bytes; {@code replacedInVersion} once replaced. */
    public record Document(UUID id, String name, String contentType, long size, String sha256, int version,
            @Nullable Integer replacedInVersion, Instant uploadedAt) {
    }

    /**
     * An opened live bid: its bidder, status (SUBMITTED, ADMITTED, REJECTED, WINNER, NOT_AWARDED), the price in force
     * once revealed, and the winner's answer to the award (PENDING, SIGNED, REFUSED).
     */
    public record Bid(BidId id, LotId lot, UUID organization, BidStatus status, @Nullable BigDecimal price,
            Instant submittedAt, @Nullable String contractStatus) {
    }

    /**
     * The award of a lot: the winning bid, its bidder and the price awarded (the contract's where there is one, as an
     * alternative offer or an auction may have set it), with the winner's answer (PENDING, SIGNED, REFUSED), and the
     * suppliers awarded: the winner, or a framework's every selected supplier, best ranked first.
     */
    public record Award(LotId lot, BidId bid, UUID organization, @Nullable BigDecimal price,
            @Nullable String contractStatus, List<UUID> suppliers) {
    }

    /** A contract (DRAFT, ACTIVE, COMPLETED or REFUSED) with its delivery milestones. */
    public record Contract(ContractId id, LotId lot, @Nullable BidId bid, String status, UUID supplier,
            String subject, BigDecimal quantity, String unit, BigDecimal price, String currency, Instant createdAt,
            @Nullable Instant activatedAt, @Nullable Instant completedAt, List<Milestone> milestones) {
    }

    /** A delivery milestone: ON_TIME, LATE, OVERDUE or PENDING as of today. */
    public record Milestone(UUID id, int number, String description, @Nullable BigDecimal quantity,
            @Nullable BigDecimal sharePercent, LocalDate dueDate, @Nullable LocalDate deliveredOn, String state) {
    }
}
