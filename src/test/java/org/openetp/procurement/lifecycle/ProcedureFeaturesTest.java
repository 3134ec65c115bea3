package org.openetp.procurement.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;

/** The lifecycle calls the features a procedure's settings switch on, in their registered order. */
class ProcedureFeaturesTest {

    // The features only delegate to their services, which choosing them never calls.
    private final ProcedureFeatures features = new ProcedureFeatures(List.of(new BidSecurityFeature(null),
            new AlternativesFeature(null), new TwoEnvelopesFeature(null), new RebiddingFeature(null),
            new NegotiationsFeature(), new TwoStagesFeature(), new PrequalificationFeature(),
            new InvitationsFeature(), new AuctionHandOverFeature()));

    @Test
    void aPlainProcedureGetsOnlyBidSecurity() {
        assertThat(features.of(ProcedureKind.OPEN_TENDER, ProcedureSettings.DEFAULT)).extracting(f -> f.getClass().getSimpleName())
                .containsExactly("BidSecurityFeature");
    }

    @Test
    void eachSettingSwitchesOnItsFeatureInTheOrderOfTheirHooks() {
        ProcedureSettings all = new ProcedureSettings(false, false, false, false, null, false, null, true, true, 0,
                true, null, false);
        // Re-bidding names its open round before two envelopes their unopened prices; alternatives leave with a
        // withdrawn bid before its security is released.
        assertThat(features.of(ProcedureKind.OPEN_TENDER, all)).extracting(f -> f.getClass().getSimpleName()).containsExactly(
                "RebiddingFeature", "TwoEnvelopesFeature", "AlternativesFeature", "BidSecurityFeature");
    }

    @Test
    void twoEnvelopesAloneSwitchOnNothingElse() {
        ProcedureSettings twoEnvelope = new ProcedureSettings(false, false, false, false, null, false, null, true,
                false, 0, false, null, false);
        assertThat(features.of(ProcedureKind.OPEN_TENDER, twoEnvelope)).extracting(f -> f.getClass().getSimpleName())
                .containsExactly("TwoEnvelopesFeature", "BidSecurityFeature");
    }

    @Test
    void bidsAreRefusedInTheOrderOfTheStepsASupplierGoesThrough() {
        ProcedureSettings staged = new ProcedureSettings(false, true, true, true, null, true, null, false, false, 0,
                false, null, false);
        // Who may take part, then qualification, then stage 1, then the call for final offers.
        assertThat(features.of(ProcedureKind.COMPETITIVE_NEGOTIATIONS, staged))
                .extracting(f -> f.getClass().getSimpleName()).containsExactly("InvitationsFeature",
                        "PrequalificationFeature", "TwoStagesFeature", "NegotiationsFeature", "BidSecurityFeature");
    }

    @Test
    void anAuctionKindHandsOverToTheAuctionWhichWritesItsOwnProtocols() {
        ProcedureKind auction = java.util.Arrays.stream(ProcedureKind.values()).filter(ProcedureKind::auction)
                .findFirst().orElseThrow();
        assertThat(features.of(auction, ProcedureSettings.DEFAULT)).extracting(f -> f.getClass().getSimpleName())
                .containsExactly("BidSecurityFeature", "AuctionHandOverFeature");
        assertThat(features.of(auction, ProcedureSettings.DEFAULT).stream()
                .anyMatch(ProcedureFeature::writesOwnProtocols)).isTrue();
        assertThat(features.of(ProcedureKind.OPEN_TENDER, ProcedureSettings.DEFAULT).stream()
                .anyMatch(ProcedureFeature::writesOwnProtocols)).isFalse();
    }
}
