package org.openetp.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformSignerTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String OTHER_SHA = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:15:30.123456Z");

    private final Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    @TempDir
    Path keys;

    @Test
    void canonicalTextIsTheDocumentedLines() {
        assertThat(PlatformSigner.canonicalText("r-1", RECEIVED, SHA)).isEqualTo("""
                openetp-receipt/v1
                id:r-1
                receivedAt:2026-03-01T10:15:30.123456Z
                sha256:%s
                """.formatted(SHA));
    }

    @Test
    void canonicalTextRefusesFieldsThatCouldForgeALine() {
        assertThatThrownBy(() -> PlatformSigner.canonicalText("r-1\nsha256:" + OTHER_SHA, RECEIVED, SHA))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlatformSigner.canonicalText("r-1", RECEIVED, SHA.toUpperCase()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void receiptVerifies() {
        PlatformSigner signer = new PlatformSigner(keys, clock);

        SignedReceipt receipt = signer.receipt("r-1", RECEIVED, SHA);

        assertThat(receipt.id()).isEqualTo("r-1");
        assertThat(receipt.receivedAt()).isEqualTo(RECEIVED);
        assertThat(receipt.sha256()).isEqualTo(SHA);
        assertThat(signer.verify(receipt)).isTrue();
    }

    @Test
    void receiptWithAnotherHashTimeOrIdDoesNotVerify() {
        PlatformSigner signer = new PlatformSigner(keys, clock);
        SignedReceipt receipt = signer.receipt("r-1", RECEIVED, SHA);

        assertThat(signer.verify(new SignedReceipt("r-1", RECEIVED, OTHER_SHA, receipt.signature()))).isFalse();
        assertThat(signer.verify(new SignedReceipt("r-1", RECEIVED.minusNanos(1000), SHA, receipt.signature())))
                .isFalse();
        assertThat(signer.verify(new SignedReceipt("r-2", RECEIVED, SHA, receipt.signature()))).isFalse();
    }

    @Test
    void garbledSignatureDoesNotVerify() {
        PlatformSigner signer = new PlatformSigner(keys, clock);
        SignedReceipt receipt = signer.receipt("r-1", RECEIVED, SHA);
        byte[] der = Base64.getDecoder().decode(receipt.signature());
        der[der.length - 5] ^= 1;

        assertThat(signer.verify(new SignedReceipt("r-1", RECEIVED, SHA, Base64.getEncoder().encodeToString(der))))
                .isFalse();
        assertThat(signer.verify(new SignedReceipt("r-1", RECEIVED, SHA, "not base64!"))).isFalse();
    }

    @Test
    void receiptOfAnotherPlatformKeyDoesNotVerify(@TempDir Path otherKeys) {
        SignedReceipt foreign = new PlatformSigner(otherKeys, clock).receipt("r-1", RECEIVED, SHA);

        assertThat(new PlatformSigner(keys, clock).verify(foreign)).isFalse();
    }

    @Test
    void receivedAtIsKeptAtDatabasePrecision() {
        PlatformSigner signer = new PlatformSigner(keys, clock);

        SignedReceipt receipt = signer.receipt("r-1", RECEIVED.plusNanos(789), SHA);

        assertThat(receipt.receivedAt()).isEqualTo(RECEIVED);
        assertThat(signer.verify(receipt)).isTrue();
    }

    @Test
    void keysPersistSoASecondInstanceVerifiesTheFirstOnesReceipt() throws IOException {
        PlatformSigner first = new PlatformSigner(keys, clock);
        SignedReceipt receipt = first.receipt("r-1", RECEIVED, SHA);
        String keyPem = Files.readString(keys.resolve(PlatformSigner.KEY_FILE));

        PlatformSigner second = new PlatformSigner(keys, clock);

        assertThat(second.verify(receipt)).isTrue();
        assertThat(second.certificatePem()).isEqualTo(first.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(keys.resolve(PlatformSigner.KEY_FILE)))
                .isEqualTo(keyPem)
                .startsWith("-----BEGIN PRIVATE KEY-----");
        assumeTrue(keys.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(PlatformSigner.KEY_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void refusesAKeyThatDoesNotBelongToTheCertificate(@TempDir Path otherKeys) throws IOException {
        new PlatformSigner(keys, clock);
        new PlatformSigner(otherKeys, clock);
        Files.copy(otherKeys.resolve(PlatformSigner.KEY_FILE), keys.resolve(PlatformSigner.KEY_FILE),
                StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> new PlatformSigner(keys, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not the key of");
    }

    @Test
    void refusesToReplaceAKeyWhoseCertificateIsMissing() throws IOException {
        new PlatformSigner(keys, clock);
        String keyPem = Files.readString(keys.resolve(PlatformSigner.KEY_FILE));
        Files.delete(keys.resolve(PlatformSigner.CERTIFICATE_FILE));

        assertThatThrownBy(() -> new PlatformSigner(keys, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Found only one of");
        assertThat(Files.readString(keys.resolve(PlatformSigner.KEY_FILE))).isEqualTo(keyPem);
    }

    @Test
    void opensslVerifiesTheReceiptAsDocumented(@TempDir Path work) throws Exception {
        assumeTrue(opensslAvailable(), "openssl is not on the PATH");
        PlatformSigner signer = new PlatformSigner(keys, Clock.systemUTC());
        SignedReceipt receipt = signer.receipt("r-1", RECEIVED, SHA);
        Path content = work.resolve("receipt.txt");
        Path signature = work.resolve("receipt.p7s");
        Path certificate = work.resolve("platform-cert.pem");
        Files.writeString(content, PlatformSigner.canonicalText(receipt.id(), receipt.receivedAt(), receipt.sha256()),
                StandardCharsets.UTF_8);
        Files.write(signature, Base64.getDecoder().decode(receipt.signature()));
        Files.writeString(certificate, signer.certificatePem(), StandardCharsets.US_ASCII);

        Result genuine = run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(),
                "-content", content.toString(), "-CAfile", certificate.toString(), "-out", "/dev/null");
        Files.writeString(content, PlatformSigner.canonicalText(receipt.id(), receipt.receivedAt(), OTHER_SHA));
        Result altered = run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(),
                "-content", content.toString(), "-CAfile", certificate.toString(), "-out", "/dev/null");

        assertThat(genuine.exitCode()).as(genuine.output()).isZero();
        assertThat(genuine.output()).contains("Verification successful");
        assertThat(altered.exitCode()).as(altered.output()).isNotZero();
    }

    private record Result(int exitCode, String output) {
    }

    private static boolean opensslAvailable() {
        try {
            return run("openssl", "version").exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Result run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aConfiguredPairSignsOnEveryNodeAsPemTextOrAsFilePaths(@TempDir Path made, @TempDir Path nodeA,
            @TempDir Path nodeB) throws IOException {
        PlatformSigner original = new PlatformSigner(made, clock);
        String keyPem = Files.readString(made.resolve(PlatformSigner.KEY_FILE));
        String certificatePem = Files.readString(made.resolve(PlatformSigner.CERTIFICATE_FILE));

        PlatformSigner fromText = PlatformSigner.configured(keyPem, certificatePem, nodeA, clock);
        PlatformSigner fromPaths = PlatformSigner.configured(made.resolve(PlatformSigner.KEY_FILE).toString(),
                made.resolve(PlatformSigner.CERTIFICATE_FILE).toString(), nodeB, clock);

        SignedReceipt receipt = fromText.receipt("r-1", RECEIVED, SHA);
        assertThat(fromPaths.verify(receipt)).as("one node verifies the other's receipt").isTrue();
        assertThat(original.verify(receipt)).isTrue();
        assertThat(fromPaths.certificatePem()).isEqualTo(certificatePem);
        try (var files = Files.list(nodeA)) {
            assertThat(files).as("no key is created under the data directory").isEmpty();
        }
    }

    @Test
    void withoutConfigurationTheKeyComesFromTheDataDirectoryAndHalfAConfigurationStopsTheStart() throws IOException {
        PlatformSigner first = PlatformSigner.configured("", "", keys, clock);
        assertThat(Files.exists(keys.resolve(PlatformSigner.KEY_FILE))).isTrue();
        assertThat(PlatformSigner.configured(" ", "", keys, clock).verify(first.receipt("r-1", RECEIVED, SHA)))
                .isTrue();

        String keyPem = Files.readString(keys.resolve(PlatformSigner.KEY_FILE));
        assertThatThrownBy(() -> PlatformSigner.configured(keyPem, "", keys, clock))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("OPENETP_PLATFORM_CERTIFICATE");
    }
}
