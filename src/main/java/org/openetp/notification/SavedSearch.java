package org.openetp.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureView;

/**
 * A supplier's saved search (SPEC §5.8), with the criteria named as in the catalogue's query: a keyword, a
 * category (its subcategories included), a delivery region, a kind and a start-price range. A missing criterion
 * matches anything.
 */
public record SavedSearch(UUID id, @Nullable String q, @Nullable String category, @Nullable String region,
        @Nullable ProcedureKind kind, @Nullable BigDecimal priceFrom, @Nullable BigDecimal priceTo,
        Instant createdAt) {

    /**
     * Whether the procedure matches: the keyword in its title, description or a lot title, the kind, and one lot
     * that meets category, region and price together (a lot of the wanted category elsewhere does not count
     * because another lot is in the region). {@code lineage} maps each lot's category to itself and its ancestors.
     */
    boolean matches(ProcedureView procedure, Map<String, Set<String>> lineage) {
        if (kind != null && procedure.kind() != kind) {
            return false;
        }
        if (q != null && Stream.concat(Stream.of(procedure.title(), procedure.description()),
                procedure.lots().stream().map(ProcedureView.LotView::title))
                .noneMatch(text -> normalize(text).contains(normalize(q)))) {
            return false;
        }
        return procedure.lots().stream().anyMatch(lot -> matches(lot, lineage));
    }

    private boolean matches(ProcedureView.LotView lot, Map<String, Set<String>> lineage) {
        return (category == null || lineage.getOrDefault(lot.categoryCode(), Set.of()).contains(category))
                && (region == null || region.equals(lot.deliveryRegion()))
                && (priceFrom == null || lot.startPrice().compareTo(priceFrom) >= 0)
                && (priceTo == null || lot.startPrice().compareTo(priceTo) <= 0);
    }

    // Russian writers use "е" for "ё" freely, so a search for either finds both.
    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
