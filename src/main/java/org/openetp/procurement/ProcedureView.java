package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A procedure as participants and the public see it. {@code language} is the language its protocols are written in
 * (the API's {@code language}: en, ru or th), chosen at creation.
 */
public record ProcedureView(ProcedureId id, UUID organizationId, ProcedureKind kind, String title,
        String description, String currency, ProcedureStatus status, Instant submissionDeadline,
        @Nullable Instant clarificationDeadline, @Nullable Instant publishedAt, @Nullable Instant openedAt,
        @Nullable String cancelReason, List<Criterion> criteria, List<LotView> lots, ProcedureSettings settings,
        @Nullable ProcedureLanguage language) {

    /** A lot as shown with its procedure. */
    public record LotView(LotId id, int number, String title, String categoryCode, BigDecimal quantity, String unit,
            BigDecimal startPrice, @Nullable String deliveryRegion, String status, @Nullable BidId winnerBidId,
            @Nullable SecurityRequirement security, @Nullable BigDecimal securityAmount) {
    }
}
