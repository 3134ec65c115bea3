package org.openetp.procurement.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    private static final byte[] BID = "price 98765.43".getBytes(StandardCharsets.UTF_8);
    private static final String AAD = "bid:1:lot:1";

    @TempDir
    Path dataDir;

    @Test
    void keyFileIsCreatedOnceOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        Path keys = dataDir.resolve("keys");
        Path file = keys.resolve("master.key");

        BidVault firstStart = new BidVault(MasterKey.resolve("", keys));
        byte[] created = Files.readAllBytes(file);
        byte[] procedureKey = firstStart.newProcedureKey();
        SealedBox box = firstStart.seal(procedureKey, BID, AAD);
        BidVault secondStart = new BidVault(MasterKey.resolve("", keys));

        assertThat(created).hasSize(32);
        assertThat(Files.readAllBytes(file)).isEqualTo(created);
        assertThat(secondStart.open(procedureKey, box, AAD)).isEqualTo(BID);
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void configuredKeyIsUsedAndNoKeyFileIsWritten() {
        byte[] key = new byte[32];
        key[0] = 7;
        String configured = Base64.getEncoder().encodeToString(key);

        BidVault vault = new BidVault(MasterKey.resolve(configured, dataDir.resolve("keys")));
        byte[] procedureKey = vault.newProcedureKey();
        SealedBox box = vault.seal(procedureKey, BID, AAD);

        assertThat(dataDir.resolve("keys")).doesNotExist();
        assertThat(new BidVault(MasterKey.of(key)).open(procedureKey, box, AAD)).isEqualTo(BID);
    }

    @Test
    void refusesConfiguredKeyOfWrongLengthNamingTheVariable() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKey.resolve(sixteenBytes, dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OPENETP_MASTER_KEY")
                .hasMessageContaining("exactly 32 bytes")
                .hasMessageContaining("decodes to 16 bytes");
    }

    @Test
    void refusesConfiguredKeyThatIsNotBase64() {
        assertThatThrownBy(() -> MasterKey.resolve("not base64 at all!", dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OPENETP_MASTER_KEY")
                .hasMessageContaining("not valid base64");
    }

    @Test
    void refusesKeyFileOfWrongLengthInsteadOfReplacingIt() throws Exception {
        Path file = Files.createDirectories(dataDir.resolve("keys")).resolve("master.key");
        Files.write(file, new byte[31]);

        assertThatThrownBy(() -> MasterKey.resolve("", dataDir.resolve("keys")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds 31");
        assertThat(Files.readAllBytes(file)).hasSize(31);
    }
}
