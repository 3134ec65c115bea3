package org.openetp.procurement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.AuctionSettings;
import org.openetp.procurement.ProcedureSettings;

/**
 * The draft editor's form read back as settings (issue 17): what the page showed is taken as posted, an unchecked
 * box included; what it did not post keeps the stored draft's value, so saving never resets a hidden setting.
 */
class DraftFormsTest {

    private static final Instant START = Instant.parse("2027-01-10T10:00:00Z");

    private static final ProcedureSettings TENDER = new ProcedureSettings(true, false, false, false, null, false, null,
            true, true, 0, true, null, false);

    private static final ProcedureSettings AUCTION = new ProcedureSettings(false, false, false, false, null, false,
            null, false, false, 0, false, new AuctionSettings(START, Duration.ofMinutes(45), Duration.ofMinutes(10),
                    new BigDecimal("0.5"), new BigDecimal("5"), Duration.ofMinutes(1), new BigDecimal("1000.00"), true,
                    5, Duration.ofMinutes(4)), false);

    @Test
    void settingsThePageDidNotPostKeepTheirStoredValues() {
        Map<String, Object> settings = DraftForms.keptSettings(Map.of("kind", "OPEN_TENDER"), TENDER);

        assertThat(settings).containsEntry("twoEnvelope", true).containsEntry("rebidding", true)
                .containsEntry("alternativesAllowed", true).containsEntry("signatureRequired", true)
                .doesNotContainKey("auctionStart");
    }

    @Test
    void aBoxThePageShowedAndTheBuyerLeftUncheckedTurnsItsSettingOff() {
        Map<String, String> form = new HashMap<>(Map.of("kind", "OPEN_TENDER", "_twoEnvelope", "on",
                "_signatureRequired", "on", "rebidding", "true", "_rebidding", "on"));

        Map<String, Object> settings = DraftForms.keptSettings(form, TENDER);

        assertThat(settings).doesNotContainKey("twoEnvelope").containsEntry("signatureRequired", false)
                .containsEntry("rebidding", true).containsEntry("alternativesAllowed", true);
    }

    @Test
    void anAuctionKeepsItsRoundsAndTurnTimeWhenThePageHadNoFieldsForThem() {
        Map<String, String> form = new HashMap<>(Map.of("kind", "MULTI_ROUND_AUCTION",
                "auctionStart", "2027-01-10T10:00", "duration", "45", "_secondPrice", "on"));

        Map<String, Object> settings = DraftForms.keptSettings(form, AUCTION);

        assertThat(settings).containsEntry("auctionStart", START.toString()).containsEntry("duration", "PT45M")
                .containsEntry("rounds", 5).containsEntry("turnTime", "PT4M").containsEntry("reservePrice", "1000.00")
                .doesNotContainKey("secondPrice");
        assertThat(DraftForms.keptSettings(Map.of("kind", "MULTI_ROUND_AUCTION"), AUCTION))
                .as("no auction field posted at all").containsEntry("auctionStart", START.toString())
                .containsEntry("secondPrice", true).containsEntry("rounds", 5);
        assertThat(DraftForms.keptSettings(Map.of("kind", "OPEN_TENDER"), AUCTION))
                .as("a kind without an auction takes no auction settings").doesNotContainKey("auctionStart")
                .doesNotContainKey("rounds");
    }
}
