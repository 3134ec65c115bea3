package org.openetp.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Receipts;
import org.openetp.support.Tender;
import org.openetp.support.TestSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Interoperability with a tool nobody here wrote (SPEC §3.1-3.3): the CAs, the user certificates and the bid
 * signatures are all made by the {@code openssl} command line, and the platform accepts the good ones and refuses each
 * bad one with its reason, storing nothing; in the other direction, openssl verifies the platform's receipts.
 *
 * <p>The openssl CA must be a trust anchor, and trust anchors are read at start-up, so this class configures its own
 * {@code openetp.signature.trust-anchors} and therefore runs in an application context (and database) of its own.
 */
class OpensslInteroperabilityTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void trustTheOpensslCa(DynamicPropertyRegistry registry) {
        // The openssl CA and a root above an intermediate CA: the untrusted openssl CA exists to be refused. The demo
        // CA of the test profile stays trusted.
        registry.add("openetp.signature.trust-anchors",
                () -> Pki.TRUSTED.certificate() + "," + IntermediateCa.rootFile());
        // OPENETP_SIGNATURE_REQUIRED: every bid must be signed, whatever the procedure's own setting.
        registry.add("openetp.signature.required", () -> "true");
    }

    @Test
    void withSignaturesRequiredEverywhereAnUnsignedBidIsRefusedEvenWhereTheProcedureDoesNotAsk() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Tender tender = tender(buyer, false);

        Api.Response unsigned = api.post(tender.bids(), Map.of("price", "99000.00"), Api.bearer(supplier.token()));

        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.code()).isEqualTo("bid.signature.required");
        assertThat(bidsStored(tender, supplier)).isZero();
    }

    @Test
    void aCertificateFromAnIntermediateCaSignsWithTheChainRegisteredBesideIt() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        TestSigner leaf = IntermediateCa.issue(supplier.email(), clock.instant());
        Api.Response registered = api.post("/api/v1/certificates",
                Map.of("pem", leaf.certificatePem() + IntermediateCa.intermediatePem()), Api.bearer(supplier.token()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        // Like `openssl cms -sign -signer leaf.pem` without -certfile: the signature carries the leaf alone.
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), true);
        Api.Response bid = api.post(tender.bids(), Map.of("price", "99000.00",
                "signature", leaf.sign(tender.canonical("99000.00"))), Api.bearer(supplier.token()));

        assertThat(bid.status()).as(bid.body()).isEqualTo(201);
    }

    @Test
    void anOpensslCertificateIsRegisteredOnlyWhenItsCaIsTrustedAndItCarriesThePlatformAttribute() {
        Flows.Member member = flows.accreditedMember();
        UserKey withoutAttribute = issue(Pki.TRUSTED, member.email(), KeyKind.EC_P256, Eku.NONE);
        UserKey fromUntrustedCa = issue(Pki.UNTRUSTED, member.email(), KeyKind.EC_P256, Eku.PLATFORM_ATTRIBUTE);
        UserKey weak = issue(Pki.TRUSTED, member.email(), KeyKind.RSA_1024, Eku.PLATFORM_ATTRIBUTE);
        UserKey good = issue(Pki.TRUSTED, member.email(), KeyKind.EC_P256, Eku.PLATFORM_ATTRIBUTE);

        Map<String, UserKey> refusals = Map.of(
                "certificate.noPlatformAttribute", withoutAttribute,
                "certificate.untrusted", fromUntrustedCa,
                "certificate.weakKey", weak);
        for (Map.Entry<String, UserKey> bad : refusals.entrySet()) {
            Api.Response refused = api.post("/api/v1/certificates", Map.of("pem", bad.getValue().certificatePem()),
                    Api.bearer(member.token()));
            assertThat(refused.status()).as(bad.getKey() + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo(bad.getKey());
            assertThat(certificatesStored(member)).as("nothing stored after " + bad.getKey()).isZero();
        }
        assertThat(jdbc.sql("SELECT details->>'reason' FROM audit_entry WHERE stream = :s"
                + " AND action = 'CERTIFICATE_REFUSED'").param("s", "user:" + userId(member)).query(String.class)
                .list()).containsExactlyInAnyOrder("certificate.noPlatformAttribute", "certificate.untrusted",
                        "certificate.weakKey");

        Api.Response registered = api.post("/api/v1/certificates", Map.of("pem", good.certificatePem()),
                Api.bearer(member.token()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().path("subject").asString()).contains(member.email());
        assertThat(certificatesStored(member)).isEqualTo(1);
    }

    @Test
    void everyBadOpensslSignatureIsRefusedWithItsReasonJournaledAndNoBidStoredUntilTheGoodOneIsAccepted() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Flows.Member stranger = flows.entitledSupplier();
        Tender tender = tender(buyer, true);
        UserKey key = registered(supplier,
                issue(Pki.TRUSTED, supplier.email(), KeyKind.EC_P256, Eku.PLATFORM_ATTRIBUTE));
        UserKey strangerKey = registered(stranger,
                issue(Pki.TRUSTED, stranger.email(), KeyKind.EC_P256, Eku.PLATFORM_ATTRIBUTE));
        // A key for the supplier's own e-mail with the platform attribute, but from the CA the platform does not
        // trust: it could never be registered, so the platform does not know it.
        UserKey unregistered = issue(Pki.UNTRUSTED, supplier.email(), KeyKind.EC_P256, Eku.PLATFORM_ATTRIBUTE);
        String text = canonical(supplier, tender, "99000.00");

        // Ordered, so that each refusal's journal entry can be checked as it comes.
        List<Map.Entry<String, String>> refusals = List.of(
                Map.entry("signature.mismatch", key.sign(canonical(supplier, tender, "98000.00"))),
                Map.entry("signature.unknownCertificate", unregistered.sign(text)),
                Map.entry("signature.signerOutsideOrganization", strangerKey.sign(text)));
        List<String> journaled = new ArrayList<>();
        for (Map.Entry<String, String> bad : refusals) {
            Api.Response refused = api.post(tender.bids(), Map.of("price", "99000.00", "currency", "RUB",
                    "document", text, "signature", bad.getValue()), Api.bearer(supplier.token()));
            assertThat(refused.status()).as(bad.getKey() + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo(bad.getKey());
            assertThat(bidsStored(tender, supplier)).as("no bid stored after " + bad.getKey()).isZero();
            journaled.add(bad.getKey());
            assertThat(signatureRefusals(supplier)).containsExactlyInAnyOrderElementsOf(journaled);
        }

        // The same supplier, text and key, signed properly: the refusals above came from the signatures alone.
        Api.Response accepted = api.post(tender.bids(), Map.of("price", "99000.00", "currency", "RUB",
                "document", text, "signature", key.sign(text)), Api.bearer(supplier.token()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(bidsStored(tender, supplier)).isEqualTo(1);
        assertThat(signatureRefusals(supplier)).as("an accepted bid journals no refusal")
                .containsExactlyInAnyOrderElementsOf(journaled);
    }

    @Test
    void aBidSignedWithOpensslCmsIsAcceptedAndOpensslVerifiesItsReceipt() throws IOException {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Tender tender = tender(buyer, true);
        // RSA here, where the other tests use EC keys: both kinds openssl makes must verify.
        UserKey key = registered(supplier,
                issue(Pki.TRUSTED, supplier.email(), KeyKind.RSA_2048, Eku.PLATFORM_ATTRIBUTE));
        String text = canonical(supplier, tender, "99000.00");

        Api.Response accepted = api.post(tender.bids(), Map.of("price", "99000.00", "currency", "RUB",
                "document", text, "signature", key.sign(text)), Api.bearer(supplier.token()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        String bidId = accepted.json().path("id").asString();
        JsonNode kept = api.get("/api/v1/procedures/" + tender.id() + "/bids/" + bidId + "/signature",
                Api.bearer(supplier.token())).json();
        assertThat(kept.path("valid").asBoolean()).as(kept.toString()).isTrue();
        assertThat(kept.path("signerSubject").asString()).contains(supplier.email());

        // The other direction: openssl checks the platform's receipt against the published platform certificate.
        JsonNode receipt = accepted.json().path("receipt");
        Path dir = Files.createTempDirectory(Pki.DIR, "receipt-");
        Path platformCertificate = Files.writeString(dir.resolve("platform-cert.pem"),
                Receipts.platformCertificatePem(api), StandardCharsets.US_ASCII);
        Path signature = Files.write(dir.resolve("receipt.p7s"),
                Base64.getDecoder().decode(receipt.path("signature").asString()));
        Instant receivedAt = Instant.parse(receipt.path("receivedAt").asString());
        String sha256 = receipt.path("sha256").asString();
        Path content = Files.writeString(dir.resolve("receipt.txt"), PlatformSigner.canonicalText(
                receipt.path("id").asString(), receivedAt, sha256), StandardCharsets.UTF_8);
        Openssl.Result verified = opensslVerify(dir, signature, content, platformCertificate);
        assertThat(verified.exit()).as(verified.output()).isZero();

        // The same check over a receipt text with another digest fails: openssl really looked at the content.
        String otherDigest = (sha256.charAt(0) == '0' ? "1" : "0") + sha256.substring(1);
        Path forged = Files.writeString(dir.resolve("forged.txt"), PlatformSigner.canonicalText(
                receipt.path("id").asString(), receivedAt, otherDigest), StandardCharsets.UTF_8);
        Openssl.Result refused = opensslVerify(dir, signature, forged, platformCertificate);
        assertThat(refused.exit()).as(refused.output()).isNotZero();
    }

    // ---------------------------------------------------------------- platform helpers

    /** A published request for quotations closing in two days, its bids required signed or not by its settings. */
    private Tender tender(Flows.Member buyer, boolean signatureRequired) {
        return Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), signatureRequired);
    }

    /** The text to sign, as a bidder's tool gets it: from the API, not rebuilt here. */
    private String canonical(Flows.Member supplier, Tender tender, String price) {
        Api.Response text = api.get("/api/v1/signature/canonical?procedureId=" + tender.id() + "&lotId="
                + tender.lot() + "&price=" + price + "&currency=RUB", Api.bearer(supplier.token()));
        assertThat(text.status()).as(text.body()).isEqualTo(200);
        return text.body();
    }

    /** {@code openssl cms -verify} (run in {@code dir}) of a detached DER signature, trusting only {@code caFile}. */
    private static Openssl.Result opensslVerify(Path dir, Path signature, Path content, Path caFile) {
        return Openssl.run(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in",
                signature.toString(), "-content", content.toString(), "-CAfile", caFile.toString(),
                "-purpose", "any", "-out", "/dev/null");
    }

    /** A user key from an openssl CA, its certificate valid around the platform's (test) clock. */
    private UserKey issue(OpensslCa ca, String email, KeyKind kind, Eku eku) {
        return ca.issue(email, kind, eku, clock.instant());
    }

    private UserKey registered(Flows.Member member, UserKey key) {
        Api.Response registered = api.post("/api/v1/certificates", Map.of("pem", key.certificatePem()),
                Api.bearer(member.token()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return key;
    }

    private long bidsStored(Tender tender, Flows.Member supplier) {
        return jdbc.sql("SELECT count(*) FROM bid WHERE procedure_id = CAST(:p AS uuid)"
                + " AND organization_id = CAST(:o AS uuid)").param("p", tender.id())
                .param("o", supplier.organizationId()).query(Long.class).single();
    }

    private List<String> signatureRefusals(Flows.Member supplier) {
        return jdbc.sql("SELECT details->>'reason' FROM audit_entry WHERE stream = :s AND action = 'SIGNATURE_REFUSED'")
                .param("s", "organization:" + supplier.organizationId()).query(String.class).list();
    }

    private String userId(Flows.Member member) {
        return jdbc.sql("SELECT id FROM app_user WHERE lower(email) = lower(:e)").param("e", member.email())
                .query(String.class).single();
    }

    private long certificatesStored(Flows.Member member) {
        return jdbc.sql("SELECT count(*) FROM signing_certificate WHERE user_id = CAST(:u AS uuid)")
                .param("u", userId(member)).query(Long.class).single();
    }


    // ---------------------------------------------------------------- openssl

    /**
     * The openssl CAs, made once per JVM when this class's property source is first asked for the trust anchor, that
     * is before its application context starts. Their files go in a temporary directory removed when the JVM exits.
     */
    private static final class Pki {

        static final Path DIR = temporaryDirectory();
        static final OpensslCa TRUSTED = OpensslCa.create(DIR.resolve("trusted-ca"), "OpenETP interop trusted CA");
        static final OpensslCa UNTRUSTED = OpensslCa.create(DIR.resolve("untrusted-ca"),
                "OpenETP interop untrusted CA");

        private static Path temporaryDirectory() {
            try {
                Path dir = Files.createTempDirectory("openetp-openssl-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void deleteTree(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // A leftover temporary directory is harmless.
            }
        }
    }

    /** Whether a user certificate carries the platform attribute as its extended key usage, or no EKU at all. */
    enum Eku {
        PLATFORM_ATTRIBUTE, NONE
    }

    enum KeyKind {
        EC_P256("-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"),
        RSA_2048("-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"),
        RSA_1024("-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024");

        private final List<String> options;

        KeyKind(String... options) {
            this.options = List.of(options);
        }

        /** The {@code openssl genpkey} arguments that write a new key of this kind to {@code file}. */
        String[] genpkey(String file) {
            List<String> args = new ArrayList<>(List.of("genpkey"));
            args.addAll(options);
            args.addAll(List.of("-out", file));
            return args.toArray(String[]::new);
        }
    }

    /**
     * A CA run with {@code openssl req -x509} (RSA 2048, CA:TRUE, keyCertSign) and {@code openssl ca}, which keeps its
     * index and serial files in {@code dir}.
     */
    record OpensslCa(Path dir) {

        /** Dates as {@code openssl ca -startdate} takes them (ASN.1 UTCTime). */
        private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
                .withZone(ZoneOffset.UTC);

        static OpensslCa create(Path dir, String commonName) {
            try {
                Files.createDirectories(dir.resolve("issued"));
                Files.writeString(dir.resolve("req.cnf"), """
                        [req]
                        distinguished_name = dn
                        prompt = no
                        x509_extensions = v3_ca
                        [dn]
                        CN = %s
                        O = OpenETP tests
                        [v3_ca]
                        basicConstraints = critical, CA:TRUE
                        keyUsage = critical, keyCertSign, cRLSign
                        subjectKeyIdentifier = hash
                        """.formatted(commonName));
                Files.writeString(dir.resolve("index.txt"), "");
                Files.writeString(dir.resolve("serial"), "1000\n");
                // unique_subject = no: the same user gets several certificates (with and without the attribute).
                Files.writeString(dir.resolve("ca.cnf"), """
                        [ca]
                        default_ca = issuer
                        [issuer]
                        database = %1$s/index.txt
                        serial = %1$s/serial
                        new_certs_dir = %1$s/issued
                        certificate = %1$s/ca.pem
                        private_key = %1$s/ca.key
                        default_md = sha256
                        policy = anything
                        unique_subject = no
                        [anything]
                        commonName = supplied
                        emailAddress = optional
                        """.formatted(dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Openssl.ok(dir, KeyKind.RSA_2048.genpkey("ca.key"));
            Openssl.ok(dir, "req", "-x509", "-new", "-key", "ca.key", "-config", "req.cnf", "-days", "30",
                    "-out", "ca.pem");
            return new OpensslCa(dir);
        }

        Path certificate() {
            return dir.resolve("ca.pem");
        }

        /**
         * A new key and a certificate for {@code email} (subject emailAddress and SAN), valid from a day before
         * {@code platformNow} until 30 days after it.
         */
        UserKey issue(String email, KeyKind kind, Eku eku, Instant platformNow) {
            Path holder;
            try {
                holder = Files.createTempDirectory(dir, "user-");
                Files.writeString(holder.resolve("req.cnf"), """
                        [req]
                        distinguished_name = dn
                        prompt = no
                        [dn]
                        CN = OpenSSL interop user
                        emailAddress = %s
                        """.formatted(email));
                Files.writeString(holder.resolve("ext.cnf"), """
                        [user]
                        basicConstraints = critical, CA:FALSE
                        keyUsage = critical, digitalSignature, nonRepudiation
                        subjectAltName = email:%s
                        subjectKeyIdentifier = hash
                        authorityKeyIdentifier = keyid
                        %s
                        """.formatted(email, eku == Eku.PLATFORM_ATTRIBUTE
                        ? "extendedKeyUsage = " + SignatureProperties.DEFAULT_EKU : ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Openssl.ok(holder, kind.genpkey("user.key"));
            Openssl.ok(holder, "req", "-new", "-key", "user.key", "-config", "req.cnf", "-out", "user.csr");
            // The platform runs on a test clock fixed when its context started, before this wall-clock moment, so a
            // certificate dated "now" by openssl would not be valid yet to it: backdated a day, as CAs do for skew.
            Openssl.ok(holder, "ca", "-batch", "-config", dir.resolve("ca.cnf").toString(), "-notext",
                    "-startdate", UTC_TIME.format(platformNow.minus(Duration.ofDays(1))),
                    "-enddate", UTC_TIME.format(platformNow.plus(Duration.ofDays(30))),
                    "-extfile", "ext.cnf", "-extensions", "user", "-in", "user.csr", "-out", "user.pem");
            return new UserKey(holder);
        }
    }

    /** A user's key and certificate files from openssl, signing the way SPEC §3.2 names. */
    record UserKey(Path dir) {

        String certificatePem() {
            try {
                return Files.readString(dir.resolve("user.pem"), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** {@code openssl cms -sign -binary -outform DER} over the text's exact UTF-8 bytes, as base64. */
        String sign(String text) {
            try {
                Path work = Files.createTempDirectory(dir, "signing-");
                Files.writeString(work.resolve("text.txt"), text, StandardCharsets.UTF_8);
                Openssl.ok(work, "cms", "-sign", "-binary", "-outform", "DER", "-in", "text.txt",
                        "-signer", dir.resolve("user.pem").toString(), "-inkey", dir.resolve("user.key").toString(),
                        "-out", "sig.der");
                return Base64.getEncoder().encodeToString(Files.readAllBytes(work.resolve("sig.der")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Runs the {@code openssl} command line in a directory, its input empty so that nothing can wait for a prompt. */
    static final class Openssl {

        record Result(int exit, String output) {
        }

        static Result run(Path dir, String... args) {
            List<String> command = new ArrayList<>(List.of("openssl"));
            command.addAll(List.of(args));
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return new Result(process.waitFor(), output);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot run " + command, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static void ok(Path dir, String... args) {
            Result result = run(dir, args);
            if (result.exit() != 0) {
                throw new IllegalStateException("openssl " + String.join(" ", args) + " exited with "
                        + result.exit() + ":\n" + result.output());
            }
        }
    }

    /** A root (a trust anchor) and an intermediate CA below it, made with BouncyCastle, that issue end certificates. */
    static final class IntermediateCa {

        private static final KeyPair ROOT = rsa();
        private static final KeyPair INTERMEDIATE = rsa();
        private static final X509Certificate ROOT_CERTIFICATE = ca("CN=Test Root", ROOT, "CN=Test Root", ROOT);
        private static final X509Certificate INTERMEDIATE_CERTIFICATE = ca("CN=Test Intermediate", INTERMEDIATE,
                "CN=Test Root", ROOT);

        static String rootFile() {
            try {
                Path file = Files.createTempFile("openetp-test-root", ".pem");
                file.toFile().deleteOnExit();
                Files.writeString(file, new TestSigner(ROOT.getPrivate(), ROOT_CERTIFICATE).certificatePem());
                return file.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static String intermediatePem() {
            return new TestSigner(INTERMEDIATE.getPrivate(), INTERMEDIATE_CERTIFICATE).certificatePem();
        }

        /** An end certificate for the e-mail with the platform attribute, signed by the intermediate. */
        static TestSigner issue(String email, Instant now) {
            try {
                KeyPair keys = rsa();
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                        new JcaX509v3CertificateBuilder(new X500Name("CN=Test Intermediate"), BigInteger.valueOf(7),
                                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(300))),
                                new X500Name("CN=Leaf"), keys.getPublic())
                                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                                        KeyPurposeId.getInstance(new ASN1ObjectIdentifier(
                                                SignatureProperties.DEFAULT_EKU))))
                                .addExtension(Extension.subjectAlternativeName, false,
                                        new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)))
                                .build(new JcaContentSignerBuilder("SHA256withRSA").build(INTERMEDIATE.getPrivate())));
                return new TestSigner(keys.getPrivate(), certificate);
            } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static KeyPair rsa() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static X509Certificate ca(String subject, KeyPair keys, String issuer, KeyPair issuerKeys) {
            try {
                Instant now = Instant.now();
                return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                        new X500Name(issuer), BigInteger.valueOf(subject.hashCode() & 0x7fffffff),
                        Date.from(now.minus(Duration.ofDays(400))), Date.from(now.plus(Duration.ofDays(3650))),
                        new X500Name(subject), keys.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
            } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
