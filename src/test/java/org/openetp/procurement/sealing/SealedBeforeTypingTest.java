package org.openetp.procurement.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.domain.AlternativeContent;
import org.openetp.procurement.domain.BidContent;
import org.openetp.procurement.persistence.SealedContents;

/**
 * Bids sealed before their content was typed open into the typed records. The fixtures are the exact text the old
 * code sealed (a {@code LinkedHashMap} written by Jackson: a signed bid, a two-envelope bid's technical envelope
 * and an alternative offer), sealed here as the old code sealed them: same vault, same associated data.
 */
class SealedBeforeTypingTest {

    private static final String PROCEDURE = "0b8f3c52-6a1e-4d7f-9c2b-3e4f5a6b7c8d";
    private static final String LOT = "7d6c5b4a-3f2e-4a1b-8c9d-0e1f2a3b4c5d";
    private static final String HEAD = "{\"salt\":\"5f2c0a9e41d7b3c8a6e0f1d2c3b4a596\",\"procedure\":\"" + PROCEDURE
            + "\",\"lot\":\"" + LOT + "\",";
    private static final String PROPOSAL = "\"proposal\":{\"delivery\":\"10 days, \\\"door to door\\\"\\nwith "
            + "unloading\",\"warranty\":\"24 months\"}";
    private static final String SIGNED_BID = HEAD + "\"price\":\"98765.40\",\"currency\":\"RUB\"," + PROPOSAL
            + ",\"document\":\"OpenETP bid\\nprocedure: " + PROCEDURE + "\\n\",\"signature\":\"MIIBsignature==\","
            + "\"signer\":\"CN=Alpha Supplier, O=Alpha\",\"signedAt\":\"2026-03-01T10:00:00.123456Z\"}";
    private static final String TECHNICAL_ENVELOPE = HEAD + "\"currency\":\"RUB\"," + PROPOSAL + "}";
    /** As the first releases sealed it: no salt yet, a signature kept unverified, without signer or time. */
    private static final String FIRST_RELEASE_BID = "{\"procedure\":\"" + PROCEDURE + "\",\"lot\":\"" + LOT
            + "\",\"price\":\"1200.00\",\"currency\":\"THB\",\"proposal\":{},\"document\":\"OpenETP bid\\n\","
            + "\"signature\":\"MIIBold==\"}";
    private static final String ALTERNATIVE = "{\"salt\":\"00112233445566778899aabbccddeeff\","
            + "\"description\":\"Steel instead of aluminium\",\"price\":\"91000.00\"}";

    private final BidVault vault = new BidVault(MasterKey.of(fixedKey()));
    private final byte[] procedureKey = vault.newProcedureKey();
    private final String bid = UUID.randomUUID().toString();
    private final String bidPlace = "bid:" + bid + ":lot:" + LOT;

    @Test
    void aSignedBidSealedBeforeOpensIntoTheTypedContent() {
        BidContent content = SealedContents.readBid(sealedAndOpened(SIGNED_BID, bidPlace));

        assertThat(content.salt()).isEqualTo("5f2c0a9e41d7b3c8a6e0f1d2c3b4a596");
        assertThat(content.procedure()).isEqualTo(new ProcedureId(UUID.fromString(PROCEDURE)));
        assertThat(content.lot()).isEqualTo(new LotId(UUID.fromString(LOT)));
        assertThat(content.price()).isEqualByComparingTo("98765.40");
        assertThat(content.currency()).isEqualTo("RUB");
        assertThat(content.proposal()).containsExactly(
                java.util.Map.entry("delivery", "10 days, \"door to door\"\nwith unloading"),
                java.util.Map.entry("warranty", "24 months"));
        assertThat(content.signature()).isNotNull();
        assertThat(content.signature().document()).isEqualTo("OpenETP bid\nprocedure: " + PROCEDURE + "\n");
        assertThat(content.signature().signature()).isEqualTo("MIIBsignature==");
        assertThat(content.signature().signer()).isEqualTo("CN=Alpha Supplier, O=Alpha");
        assertThat(content.signature().signedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
    }

    @Test
    void aTechnicalEnvelopeSealedBeforeOpensWithoutPriceOrSignature() {
        BidContent content = SealedContents.readBid(sealedAndOpened(TECHNICAL_ENVELOPE, bidPlace));

        assertThat(content.price()).isNull();
        assertThat(content.signature()).isNull();
        assertThat(content.proposal()).containsEntry("warranty", "24 months");
    }

    @Test
    void aBidOfTheFirstReleasesOpensWithoutSaltAndWithAnUnverifiedSignature() {
        BidContent content = SealedContents.readBid(sealedAndOpened(FIRST_RELEASE_BID, bidPlace));

        assertThat(content.salt()).isNull();
        assertThat(content.price()).isEqualByComparingTo("1200.00");
        assertThat(content.currency()).isEqualTo("THB");
        assertThat(content.proposal()).isEmpty();
        assertThat(content.signature()).isNotNull();
        assertThat(content.signature().signature()).isEqualTo("MIIBold==");
        assertThat(content.signature().signer()).isNull();
        assertThat(content.signature().signedAt()).isNull();
        assertThat(text(SealedContents.write(content))).isEqualTo(FIRST_RELEASE_BID);
    }

    @Test
    void anAlternativeSealedBeforeOpensIntoTheTypedContent() {
        String place = "alternative:" + UUID.randomUUID() + ":bid:" + bid;
        AlternativeContent content = SealedContents.readAlternative(sealedAndOpened(ALTERNATIVE, place));

        assertThat(content.description()).isEqualTo("Steel instead of aluminium");
        assertThat(content.price()).isEqualByComparingTo("91000.00");
    }

    @Test
    void theTypedContentIsWrittenAsTheOldTextByteForByte() {
        // Receipts carry the SHA-256 of this text: a bid sealed now must hash as one sealed before would.
        assertThat(text(SealedContents.write(SealedContents.readBid(bytes(SIGNED_BID))))).isEqualTo(SIGNED_BID);
        assertThat(text(SealedContents.write(SealedContents.readBid(bytes(SIGNED_BID)).technical())))
                .isEqualTo(TECHNICAL_ENVELOPE);
        assertThat(text(SealedContents.write(SealedContents.readAlternative(bytes(ALTERNATIVE)))))
                .isEqualTo(ALTERNATIVE);
    }

    private byte[] sealedAndOpened(String plaintext, String place) {
        SealedBox box = vault.seal(procedureKey, bytes(plaintext), place);
        return vault.open(procedureKey, new SealedBox(box.nonce().clone(), box.ciphertext().clone()), place);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] fixedKey() {
        byte[] key = new byte[32];
        new Random(15).nextBytes(key);
        return key;
    }
}
