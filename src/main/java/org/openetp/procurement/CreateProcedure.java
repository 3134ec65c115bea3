package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.Decimals;

/**
 * A new procedure (API.md {@code POST /api/v1/procedures}). {@code organizationId} may be left out when the buyer
 * acts for one organization only; {@code criteria} apply to the weighted kinds (price alone for quotations).
 * {@code language} (en, ru, th) is the language of the procedure's protocols: the creator's own when left out.
 */
public record CreateProcedure(@Nullable String kind, @Nullable String title, @Nullable String description,
        @Nullable String currency, @Nullable Instant submissionDeadline, @Nullable Map<String, Object> settings,
        @Nullable List<NewLot> lots, @Nullable List<NewCriterion> criteria, @Nullable UUID organizationId,
        @Nullable String language) {

    /** A new procedure whose protocols are written in its creator's language. */
    public CreateProcedure(@Nullable String kind, @Nullable String title, @Nullable String description,
            @Nullable String currency, @Nullable Instant submissionDeadline, @Nullable Map<String, Object> settings,
            @Nullable List<NewLot> lots, @Nullable List<NewCriterion> criteria, @Nullable UUID organizationId) {
        this(kind, title, description, currency, submissionDeadline, settings, lots, criteria, organizationId, null);
    }

    /** A lot of the new procedure. */
    public record NewLot(@Nullable String title, @Nullable String categoryCode,
            @Decimals(integer = 15, fraction = 3) @Nullable BigDecimal quantity,
            @Nullable String unit, @Nullable BigDecimal startPrice, @Nullable String deliveryRegion,
            @Nullable NewSecurity security) {
    }

    /** The lot's bid security (SPEC §4.5): {@code kind} PERCENT (of the start price) or FIXED, and its value. */
    public record NewSecurity(@Nullable String kind, @Nullable BigDecimal value) {
    }

    /** A criterion and its weight in percent; the weights add up to 100 and one of them is {@code price}. */
    public record NewCriterion(@Nullable String code, @Nullable BigDecimal weight) {
    }
}
