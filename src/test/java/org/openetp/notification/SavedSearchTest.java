package org.openetp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.ProcedureView;

class SavedSearchTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Map<String, Set<String>> LINEAGE = Map.of(
            "01.1", Set.of("01.1", "01", "A"), "26.2", Set.of("26.2", "26", "C"));

    private final ProcedureView procedure = new ProcedureView(ProcedureId.random(), UUID.randomUUID(),
            ProcedureKind.REQUEST_FOR_QUOTATIONS, "Поставка зерна", "Семена ячменя, урожай 2025 года", "RUB",
            ProcedureStatus.PUBLISHED, NOW.plusSeconds(86_400), null, NOW, null, null, List.of(), List.of(
                    lot("Ёлочные игрушки", "01.1", "50000.00", "RU-MOW"),
                    lot("Ноутбуки", "26.2", "900000.00", "RU-SPE")), ProcedureSettings.DEFAULT,
            org.openetp.procurement.ProcedureLanguage.RU);

    @Test
    void aKeywordMatchesTitleDescriptionOrLotTitleWhateverTheCase() {
        assertThat(search("ЗЕРНА", null, null, null, null, null).matches(procedure, LINEAGE)).isTrue();
        assertThat(search("ячмен", null, null, null, null, null).matches(procedure, LINEAGE)).isTrue();
        assertThat(search("ноутбук", null, null, null, null, null).matches(procedure, LINEAGE)).isTrue();
        assertThat(search("трактор", null, null, null, null, null).matches(procedure, LINEAGE)).isFalse();
    }

    @Test
    void yoAndYeAreTheSameLetterForTheKeyword() {
        assertThat(search("елочные", null, null, null, null, null).matches(procedure, LINEAGE)).isTrue();
    }

    @Test
    void aCategoryMatchesItsSubcategories() {
        assertThat(search(null, "A", null, null, null, null).matches(procedure, LINEAGE)).isTrue();
        assertThat(search(null, "01.1", null, null, null, null).matches(procedure, LINEAGE)).isTrue();
        assertThat(search(null, "02", null, null, null, null).matches(procedure, LINEAGE)).isFalse();
    }

    @Test
    void categoryRegionAndPriceMustHoldForTheSameLot() {
        assertThat(search(null, "01", "RU-MOW", null, null, "60000").matches(procedure, LINEAGE)).isTrue();
        assertThat(search(null, "01", "RU-SPE", null, null, null).matches(procedure, LINEAGE))
                .as("the category's lot is delivered elsewhere").isFalse();
        assertThat(search(null, "C", null, null, "100000", null).matches(procedure, LINEAGE)).isTrue();
        assertThat(search(null, "01", null, null, "100000", null).matches(procedure, LINEAGE))
                .as("the category's lot is cheaper").isFalse();
        assertThat(search(null, null, null, null, "50000.00", "50000.00").matches(procedure, LINEAGE))
                .as("bounds included").isTrue();
    }

    @Test
    void theKindMustBeTheProcedures() {
        assertThat(search(null, null, null, ProcedureKind.REQUEST_FOR_QUOTATIONS, null, null)
                .matches(procedure, LINEAGE)).isTrue();
        assertThat(search(null, null, null, ProcedureKind.OPEN_TENDER, null, null).matches(procedure, LINEAGE))
                .isFalse();
    }

    private static SavedSearch search(@Nullable String q, @Nullable String category, @Nullable String region,
            @Nullable ProcedureKind kind, @Nullable String priceFrom, @Nullable String priceTo) {
        return new SavedSearch(UUID.randomUUID(), q, category, region, kind,
                priceFrom == null ? null : new BigDecimal(priceFrom), priceTo == null ? null : new BigDecimal(priceTo),
                NOW);
    }

    private static ProcedureView.LotView lot(String title, String category, String startPrice, String region) {
        return new ProcedureView.LotView(LotId.random(), 1, title, category, BigDecimal.ONE, "pcs",
                new BigDecimal(startPrice), region, "OPEN", null, null, null);
    }
}
