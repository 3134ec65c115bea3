package org.openetp.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openetp.procurement.ProcedureKind.*;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.ProcedureKind.Preset;

/** The kind table gives each kind the rules it has always had. */
class ProcedureKindTest {

    @Test
    void closedTendersAndNegotiationsAreSeenByTheInvitedOnly() {
        assertThat(kinds(k -> !k.openToAll())).containsExactlyInAnyOrder(CLOSED_TENDER, COMPETITIVE_NEGOTIATIONS);
        assertThat(kinds(ProcedureKind::negotiations)).containsExactly(COMPETITIVE_NEGOTIATIONS);
    }

    @Test
    void theAuctionsArePriceOnlyAndTheSellersAuctionsAreForwardAndDutch() {
        assertThat(kinds(ProcedureKind::auction)).containsExactlyInAnyOrder(REVERSE_AUCTION, FORWARD_AUCTION,
                DUTCH_AUCTION, REVERSE_DUTCH_AUCTION, JAPANESE_AUCTION, SEALED_BID_AUCTION, MULTI_ROUND_AUCTION);
        assertThat(kinds(ProcedureKind::priceOnly)).containsExactlyInAnyOrder(REQUEST_FOR_QUOTATIONS,
                REVERSE_AUCTION, FORWARD_AUCTION, DUTCH_AUCTION, REVERSE_DUTCH_AUCTION, JAPANESE_AUCTION,
                SEALED_BID_AUCTION, MULTI_ROUND_AUCTION);
        assertThat(kinds(ProcedureKind::sellers)).containsExactlyInAnyOrder(FORWARD_AUCTION, DUTCH_AUCTION);
        assertThat(kinds(k -> k.presets(Preset.PRICE_CLOCK))).containsExactlyInAnyOrder(DUTCH_AUCTION,
                REVERSE_DUTCH_AUCTION);
    }

    @Test
    void eachTenderKindBringsItsOwnSwitch() {
        assertThat(kinds(k -> k.presets(Preset.SME_ONLY))).containsExactly(SME_TENDER);
        assertThat(kinds(k -> k.presets(Preset.PREQUALIFICATION))).containsExactly(PREQUALIFICATION_TENDER);
        assertThat(kinds(k -> k.presets(Preset.TWO_STAGE))).containsExactly(TWO_STAGE_TENDER);
        assertThat(kinds(k -> k.presets(Preset.TWO_ENVELOPE))).containsExactly(TWO_ENVELOPE_TENDER);
        assertThat(kinds(k -> k.presets(Preset.REBIDDING))).containsExactly(REBIDDING_TENDER);
        assertThat(kinds(k -> k.presets(Preset.ALTERNATIVES))).containsExactly(ALTERNATIVES_TENDER);
        assertThat(kinds(k -> k.presets(Preset.FRAMEWORK))).containsExactly(FRAMEWORK_TENDER);
        assertThat(Arrays.stream(Preset.values()).filter(p -> kinds(k -> k.presets(p)).isEmpty()))
                .as("no preset is left without a kind").isEmpty();
    }

    private static List<ProcedureKind> kinds(Predicate<ProcedureKind> which) {
        return Arrays.stream(values()).filter(which).toList();
    }
}
