package org.openetp.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * What docs/audit.md promises a third party and the operator: checkpoints are public and verify with openssl under
 * the platform certificate; the operator recomputes an entry's MAC with openssl from the master key file.
 */
class CheckpointOpensslTests extends ApiTest {

    @Autowired
    AnchorWriter anchors;
    @Autowired
    AuditCheckpoints checkpoints;
    @Value("${openetp.data-dir}")
    String dataDir;
    @TempDir
    Path dir;

    @Test
    void aPublishedCheckpointVerifiesWithOpensslUnderThePlatformCertificate() throws Exception {
        flows.confirmedMember(Registrations.russianLlc());
        anchors.foldAnchors();
        checkpoints.write();

        Api.Response latest = api.get("/api/v1/audit/checkpoints/latest");
        assertThat(latest.status()).as("public, no token").isEqualTo(200);
        Path text = write("checkpoint.txt", latest.json().path("text").asString().getBytes(StandardCharsets.UTF_8));
        Path signature = write("checkpoint.p7s",
                Base64.getDecoder().decode(latest.json().path("signature").asString()));
        Path certificate = write("platform.pem",
                api.get("/api/v1/signature/platform-certificate").body().getBytes(StandardCharsets.US_ASCII));
        assertThat(api.get("/api/v1/audit/checkpoints").json().valueStream().map(c -> c.path("text").asString()))
                .contains(latest.json().path("text").asString());

        Result genuine = run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(),
                "-content", text.toString(), "-CAfile", certificate.toString(), "-purpose", "any", "-out", "/dev/null");
        Files.writeString(text, latest.json().path("text").asString().replace("anchorHash:", "anchorHash:0"));
        Result altered = run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(),
                "-content", text.toString(), "-CAfile", certificate.toString(), "-purpose", "any", "-out", "/dev/null");

        assertThat(genuine.exitCode()).as(genuine.output()).isZero();
        assertThat(genuine.output()).contains("Verification successful");
        assertThat(altered.exitCode()).as(altered.output()).isNotZero();
    }

    @Test
    void theOperatorRecomputesAnEntrysMacWithOpensslFromTheMasterKey() throws Exception {
        Flows.Member member = flows.confirmedMember(Registrations.russianLlc());
        String operator = flows.operatorToken();
        JsonNode entry = api.get("/api/v1/audit/export?limit=5000", Api.bearer(operator)).json().path("entries")
                .valueStream().reduce((a, b) -> b).orElseThrow();
        assertThat(api.get("/api/v1/audit/export", Api.bearer(member.token())).status()).isEqualTo(403);

        String masterHex = HexFormat.of().formatHex(Files.readAllBytes(Path.of(dataDir, "keys", "master.key")));
        Path purpose = write("purpose.txt", "openetp-audit-mac/v1".getBytes(StandardCharsets.US_ASCII));
        String macKey = digest(run("openssl", "dgst", "-sha256", "-mac", "HMAC", "-macopt", "hexkey:" + masterHex,
                purpose.toString()));
        Path hash = write("hash.txt", entry.path("hash").asString().getBytes(StandardCharsets.US_ASCII));
        String mac = digest(run("openssl", "dgst", "-sha256", "-mac", "HMAC", "-macopt", "hexkey:" + macKey,
                hash.toString()));

        assertThat(mac).isEqualTo(entry.path("mac").asString());
    }

    @Test
    void verificationAgainstOutsideCheckpointsRefusesOneThePlatformDidNotSign() {
        String operator = flows.operatorToken();
        Api.Response refused = api.post("/api/v1/audit/verify", Map.of("checkpoints",
                List.of(Map.of("text", AuditCheckpoints.FORMAT + "\nanchorSeq:1\n", "signature", "AAAA"))),
                Api.bearer(operator));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("checkpoints[0]");

        anchors.foldAnchors();
        checkpoints.write();
        JsonNode latest = api.get("/api/v1/audit/checkpoints/latest").json();
        Api.Response verified = api.post("/api/v1/audit/verify", Map.of("checkpoints",
                List.of(Map.of("text", latest.path("text").asString(), "signature",
                        latest.path("signature").asString()))), Api.bearer(operator));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().path("valid").asBoolean()).isTrue();
        assertThat(verified.json().path("checkpoints").asInt()).isPositive();
    }

    @Test
    void theScriptInDocsAuditMdVerifiesTheJournalChecksMacsAndCatchesAForgedCheckpoint() throws Exception {
        assumeTrue(run("python3", "--version").exitCode() == 0, "python3 is installed");
        flows.confirmedMember(Registrations.russianLlc());
        anchors.foldAnchors();
        checkpoints.write();
        String doc = Files.readString(Path.of("docs/audit.md"));
        int start = doc.indexOf("```python\n") + "```python\n".length();
        String code = doc.substring(start, doc.indexOf("```", start));
        Path script = write("verify-journal.py", code.getBytes(StandardCharsets.UTF_8));
        Path kept = write("kept.json", api.get("/api/v1/audit/checkpoints?limit=1000").body()
                .getBytes(StandardCharsets.UTF_8));
        Path certificate = write("platform.pem",
                api.get("/api/v1/signature/platform-certificate").body().getBytes(StandardCharsets.US_ASCII));
        String base = "http://localhost:" + port;
        String operator = flows.operatorToken();

        Result intact = run("python3", script.toString(), base, operator, kept.toString(), certificate.toString(),
                "--master-key", Path.of(dataDir, "keys", "master.key").toString());
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).startsWith("OK: ");

        JsonNode latest = api.get("/api/v1/audit/checkpoints/latest").json();
        String forgedText = latest.path("text").asString().replaceFirst("anchorHash:[0-9a-f]{64}",
                "anchorHash:" + "ab".repeat(32));
        Path forged = write("forged.json", ("[{\"text\": " + tools.jackson.databind.json.JsonMapper.shared()
                .writeValueAsString(forgedText) + ", \"signature\": \"" + latest.path("signature").asString()
                + "\"}]").getBytes(StandardCharsets.UTF_8));
        Result caught = run("python3", script.toString(), base, operator, forged.toString(), certificate.toString());
        assertThat(caught.exitCode()).isNotZero();
        assertThat(caught.output()).contains("signature is not the platform's");
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static String digest(Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output().strip().replaceFirst(".*= ", "");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
