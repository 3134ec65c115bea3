package org.openetp.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The competitor evidence as the platform's protocols made it public (see {@link CompetitorEvidence}). */
public final class EvidenceViews {

    private EvidenceViews() {
    }

    /** Per competitor, category and currency a summary, and every price seen, latest opening first. */
    public record Evidence(List<Summary> summaries, List<PricePoint> prices) {
    }

    /**
     * A competitor in a category: how many opened bids of it the supplier saw, how many it won, and the range of
     * its bid prices. {@code tracked}: it is one of the CRM's competitors (matched by name).
     */
    public record Summary(UUID organizationId, String competitor, boolean tracked, String categoryCode,
            String categoryName, String currency, int bids, int wins, BigDecimal minPrice, BigDecimal maxPrice,
            Instant lastSeen) {
    }

    /**
     * One opened bid of a competitor: on which procedure and lot, its price, whether it won and at what price the
     * lot was awarded, and when the bids were opened.
     */
    public record PricePoint(UUID organizationId, String competitor, boolean tracked, String categoryCode,
            String categoryName, String procedureTitle, int lotNumber, String lotTitle, BigDecimal price,
            String currency, boolean won, @Nullable BigDecimal awardedPrice, Instant openedAt) {
    }
}
