package org.openetp.procurement.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BidVaultTest {

    private static final String AAD = "bid:7f1c:lot:42";
    private static final byte[] BID = "{\"lot\":42,\"price\":\"98765.43\",\"currency\":\"RUB\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final BidVault vault = new BidVault(MasterKey.of(fixedKey(1)));
    private final byte[] procedureKey = vault.newProcedureKey();

    @Test
    void opensWhatItSealed() {
        SealedBox box = vault.seal(procedureKey, BID, AAD);

        assertThat(vault.open(procedureKey, box, AAD)).isEqualTo(BID);
    }

    @Test
    void sealedBoxDoesNotRevealThePrice() {
        SealedBox box = vault.seal(procedureKey, BID, AAD);

        // ISO-8859-1 maps every byte to one char, so a substring search is a byte-sequence search.
        assertThat(new String(box.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("98765.43");
        assertThat(box.ciphertext()).hasSize(BID.length + Gcm.TAG_BYTES);
        assertThat(new String(procedureKey, StandardCharsets.ISO_8859_1)).doesNotContain("98765.43");
    }

    @Test
    void sealingTheSameBidTwiceGivesDifferentNoncesAndCiphertexts() {
        SealedBox first = vault.seal(procedureKey, BID, AAD);
        SealedBox second = vault.seal(procedureKey, BID, AAD);

        assertThat(first.nonce()).hasSize(12).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void refusesToOpenWithOtherAssociatedData() {
        SealedBox box = vault.seal(procedureKey, BID, AAD);

        assertThatThrownBy(() -> vault.open(procedureKey, box, "bid:7f1c:lot:43"))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("bid:7f1c:lot:43");
    }

    @Test
    void refusesToOpenAfterAnyCiphertextBitIsFlipped() {
        SealedBox box = vault.seal(procedureKey, BID, AAD);
        Random random = new Random(20260301);

        for (int i = 0; i < 32; i++) {
            byte[] tampered = box.ciphertext().clone();
            tampered[random.nextInt(tampered.length)] ^= (byte) (1 << random.nextInt(8));
            SealedBox altered = new SealedBox(box.nonce(), tampered);

            assertThatThrownBy(() -> vault.open(procedureKey, altered, AAD)).isInstanceOf(SealBrokenException.class);
        }
    }

    @Test
    void refusesToOpenWithAnotherNonce() {
        SealedBox box = vault.seal(procedureKey, BID, AAD);
        byte[] nonce = box.nonce().clone();
        nonce[0] ^= 1;

        assertThatThrownBy(() -> vault.open(procedureKey, new SealedBox(nonce, box.ciphertext()), AAD))
                .isInstanceOf(SealBrokenException.class);
    }

    @Test
    void refusesToOpenWithAnotherProcedureKey() {
        SealedBox box = vault.seal(procedureKey, BID, AAD);
        byte[] otherProcedureKey = vault.newProcedureKey();

        assertThat(otherProcedureKey).isNotEqualTo(procedureKey);
        assertThatThrownBy(() -> vault.open(otherProcedureKey, box, AAD)).isInstanceOf(SealBrokenException.class);
    }

    @Test
    void procedureKeyWrappedByOneMasterKeyDoesNotOpenUnderAnother() {
        SealedBox box = vault.seal(procedureKey, BID, AAD);
        BidVault otherPlatform = new BidVault(MasterKey.of(fixedKey(2)));

        assertThatThrownBy(() -> otherPlatform.open(procedureKey, box, AAD))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("master key");
    }

    @Test
    void procedureKeyWrappedByAMasterKeyOpensUnderTheSameKeyLoadedAgain() {
        SealedBox box = vault.seal(procedureKey, BID, AAD);

        assertThat(new BidVault(MasterKey.of(fixedKey(1))).open(procedureKey, box, AAD)).isEqualTo(BID);
    }

    @Test
    void wrappedProcedureKeyCarriesItsFormatVersion() {
        byte[] futureFormat = procedureKey.clone();
        futureFormat[0] = 2;

        assertThat(procedureKey[0]).isEqualTo((byte) 1);
        assertThatThrownBy(() -> vault.seal(futureFormat, BID, AAD))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("version 1");
    }

    @Test
    void refusesToSealWithoutAssociatedData() {
        assertThatThrownBy(() -> vault.seal(procedureKey, BID, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("associatedData");
    }

    private static byte[] fixedKey(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }
}
