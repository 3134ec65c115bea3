package org.openetp.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.signature.demo.DemoCertificateAuthority;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Receipts;
import org.openetp.support.Tender;
import org.openetp.support.TestSigner;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Certificates, signed bids and signed protocols through the API (SPEC §3), with the demo CA as trust anchor. */
class SignatureApiTests extends ApiTest {

    static final String PASSWORD = "key-file-pass";

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    DemoCertificateAuthority ca;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSupplierSignsItsBidWithADemoKeyAndTheBuyerChecksTheSignatureAfterOpening() throws Exception {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Tender tender = signedTender(buyer, Duration.ofDays(2));
        TestSigner key = demoKey(supplier);
        assertThat(api.get("/api/v1/certificates", Api.bearer(supplier.token())).json().get(0).path("subject")
                .asString()).contains(supplier.email());

        Api.Response canonical = api.get("/api/v1/signature/canonical?procedureId=" + tender.id() + "&lotId="
                + tender.lot() + "&price=99000&currency=RUB", Api.bearer(supplier.token()));
        assertThat(canonical.body()).isEqualTo("OpenETP bid\nprocedure: " + tender.id() + "\nlot: " + tender.lot()
                + "\nprice: 99000.00\ncurrency: RUB\n");

        Api.Response unsigned = api.post(tender.bids(), Map.of("price", "99000.00"), Api.bearer(supplier.token()));
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.code()).isEqualTo("bid.signature.required");

        Api.Response signed = api.post(tender.bids(), Map.of("price", "99000.00", "currency", "RUB",
                "document", canonical.body(), "signature", key.sign(canonical.body())), Api.bearer(supplier.token()));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        JsonNode receipt = signed.json().path("receipt");
        assertThat(Receipts.verifiesWithPlatformCertificate(api, PlatformSigner.canonicalText(
                receipt.path("id").asString(), Instant.parse(receipt.path("receivedAt").asString()),
                receipt.path("sha256").asString()), receipt.path("signature").asString())).isTrue();

        // The signature and its document are sealed with the bid: nothing readable anywhere before the opening.
        assertThat(jdbc.sql("SELECT count(*) FROM signed_document WHERE reference LIKE :p")
                .param("p", tender.id() + "%").query(Long.class).single()).isZero();
        String bidId = signed.json().path("id").asString();
        String check = "/api/v1/procedures/" + tender.id() + "/bids/" + bidId + "/signature";
        assertThat(api.get(check, Api.bearer(buyer.token())).status()).isEqualTo(403);
        assertThat(api.get(check, Api.bearer(supplier.token())).json().path("valid").asBoolean()).isTrue();

        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        JsonNode opened = api.get(check, Api.bearer(buyer.token())).json();
        assertThat(opened.path("valid").asBoolean()).isTrue();
        assertThat(opened.path("signerSubject").asString()).contains(supplier.email());
        JsonNode openedBid = api.get(tender.bids(), Api.bearer(buyer.token())).json().get(0);
        assertThat(openedBid.path("signer").asString()).contains(supplier.email());

        // The winner accepts the contract with a signature too (SPEC §3.2), over the text the API hands it.
        String procedure = "/api/v1/procedures/" + tender.id();
        api.post(procedure + "/bids/" + openedBid.path("id").asString() + "/decision", Map.of("admitted", true),
                Api.bearer(buyer.token()));
        assertThat(api.post(procedure + "/lots/" + tender.lot() + "/award", Map.of(), Api.bearer(buyer.token()))
                .status()).isEqualTo(200);
        String contract = procedure + "/lots/" + tender.lot() + "/contract";
        assertThat(api.get(contract + "/text", Api.bearer(buyer.token())).status()).as("the winner's only")
                .isEqualTo(404);
        String contractText = api.get(contract + "/text", Api.bearer(supplier.token())).body();
        assertThat(contractText).startsWith("OpenETP contract acceptance\n").contains("price: 99000.00\n");
        Api.Response unsignedAcceptance = api.post(contract, Map.of("sign", true), Api.bearer(supplier.token()));
        assertThat(unsignedAcceptance.code()).isEqualTo("signature.missing");
        assertThat(api.post(contract, Map.of("sign", true, "signature", key.sign(contractText)),
                Api.bearer(supplier.token())).status()).isEqualTo(204);
        String kept = jdbc.sql("SELECT id::text FROM signed_document WHERE purpose = 'CONTRACT' AND reference = :r")
                .param("r", tender.id() + "/" + tender.lot()).query(String.class).single();
        assertThat(api.get("/api/v1/signatures/" + kept + "/verification", Api.bearer(supplier.token())).json()
                .path("valid").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/signatures/" + kept + "/verification", Api.bearer(buyer.token())).status())
                .as("another organization's signed document is not public").isEqualTo(404);
    }

    @Test
    void everyBadSignatureIsRefusedWithItsReasonJournaledAndNoBidStored() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Flows.Member stranger = flows.entitledSupplier();
        Tender tender = signedTender(buyer, Duration.ofDays(2));
        TestSigner key = demoKey(supplier);
        TestSigner strangerKey = demoKey(stranger);
        TestSigner unregistered = TestSigner.fromPkcs12(
                ca.issue(supplier.email(), "Unregistered", PASSWORD.toCharArray()).pkcs12(), PASSWORD);
        String text = tender.canonical("99000.00");

        Map<String, String> refusals = new HashMap<>();
        refusals.put("signature.mismatch", key.sign(tender.canonical("1000.00")));
        refusals.put("signature.malformed", "not a signature!");
        refusals.put("signature.unknownCertificate", unregistered.sign(text));
        refusals.put("signature.signerOutsideOrganization", strangerKey.sign(text));
        refusals.put("signature.weakAlgorithm", key.sign(text, key.certificate(), "SHA1withRSA"));
        for (Map.Entry<String, String> bad : refusals.entrySet()) {
            Api.Response refused = api.post(tender.bids(), Map.of("price", "99000.00", "signature", bad.getValue()),
                    Api.bearer(supplier.token()));
            assertThat(refused.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo(bad.getKey());
        }
        // Another key, showing the supplier's own registered certificate.
        Api.Response anotherKey = api.post(tender.bids(), Map.of("price", "99000.00", "signature",
                strangerKey.sign(text, key.certificate())), Api.bearer(supplier.token()));
        assertThat(anotherKey.code()).isEqualTo("signature.mismatch");
        Api.Response otherDocument = api.post(tender.bids(), Map.of("price", "99000.00", "document",
                tender.canonical("98000.00"), "signature", key.sign(text)), Api.bearer(supplier.token()));
        assertThat(otherDocument.code()).isEqualTo("bid.document.mismatch");

        String certificate = api.get("/api/v1/certificates", Api.bearer(supplier.token())).json().get(0).path("id")
                .asString();
        assertThat(api.delete("/api/v1/certificates/" + certificate, Api.bearer(supplier.token())).status())
                .isEqualTo(204);
        Api.Response revoked = api.post(tender.bids(), Map.of("price", "99000.00", "signature", key.sign(text)),
                Api.bearer(supplier.token()));
        assertThat(revoked.code()).isEqualTo("signature.certificateRevoked");

        assertThat(jdbc.sql("SELECT details->>'certificate' FROM audit_entry WHERE action = 'CERTIFICATE_REVOKED'")
                .query(String.class).list()).as("the revocation is journaled").contains(certificate);
        assertThat(jdbc.sql("SELECT count(*) FROM bid WHERE procedure_id = CAST(:id AS uuid)")
                .param("id", tender.id()).query(Long.class).single()).as("no bid stored").isZero();
        assertThat(jdbc.sql("SELECT details->>'reason' FROM audit_entry WHERE stream = :s AND action = "
                + "'SIGNATURE_REFUSED'").param("s", "organization:" + supplier.organizationId()).query(String.class)
                .list()).containsExactlyInAnyOrder("signature.mismatch", "signature.malformed",
                "signature.weakAlgorithm",
                "signature.unknownCertificate", "signature.signerOutsideOrganization", "signature.mismatch",
                "signature.certificateRevoked");
    }

    @Test
    void theSignatureCoversTheProposalAnswersAndAWithdrawnBidStaysSealed() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Api.Response created = api.post("/api/v1/procedures", new HashMap<String, Object>(Map.of("kind", "OPEN_TENDER",
                "title", "Signed tender", "description", "Weighted", "currency", "RUB",
                "submissionDeadline", clock.instant().plus(Duration.ofDays(2)).toString(),
                "settings", Map.of("signatureRequired", true),
                "criteria", List.of(Map.of("code", "price", "weight", 60), Map.of("code", "delivery", "weight", 40)),
                "lots", List.of(Map.of("title", "Servers", "categoryCode", "26.2", "quantity", 2, "unit", "pcs",
                        "startPrice", "120000.00", "deliveryRegion", "RU-MOW")))), Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        String lot = created.json().path("lots").get(0).path("id").asString();
        assertThat(api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(buyer.token())).status())
                .isEqualTo(200);
        TestSigner key = demoKey(supplier);
        String text = api.get("/api/v1/signature/canonical?procedureId=" + id + "&lotId=" + lot
                + "&price=99000&proposal.delivery=60%20days", Api.bearer(supplier.token())).body();
        assertThat(text).endsWith("currency: RUB\nproposal delivery: 60 days\n");
        String bids = "/api/v1/procedures/" + id + "/lots/" + lot + "/bids";

        Api.Response swapped = api.post(bids, Map.of("price", "99000.00", "proposal", Map.of("delivery", "1 day"),
                "signature", key.sign(text)), Api.bearer(supplier.token()));
        assertThat(swapped.code()).as("another answer under the same signature").isEqualTo("signature.mismatch");
        Api.Response signed = api.post(bids, Map.of("price", "99000.00", "proposal", Map.of("delivery", "60 days"),
                "signature", key.sign(text)), Api.bearer(supplier.token()));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);

        String bidId = signed.json().path("id").asString();
        assertThat(api.delete(bids, Api.bearer(supplier.token())).status()).isEqualTo(204);
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        assertThat(api.get("/api/v1/procedures/" + id + "/bids/" + bidId + "/signature", Api.bearer(buyer.token()))
                .status()).as("a withdrawn bid is never unsealed").isEqualTo(404);
    }

    @Test
    void aCertificateThatExpiredSignsNothing() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Tender tender = signedTender(buyer, Duration.ofDays(400));
        TestSigner key = demoKey(supplier);
        clock.advance(Duration.ofDays(366));
        flows.entitled(supplier); // the plan of a year ago has ended too; the signature is what this test is about

        Api.Response expired = api.post(tender.bids(), Map.of("price", "99000.00", "signature",
                key.sign(tender.canonical("99000.00"))), Api.bearer(supplier.token()));
        assertThat(expired.code()).isEqualTo("certificate.expired");
        assertThat(api.post("/api/v1/certificates", Map.of("pem", TestSigner.fromPkcs12(ca.issue(supplier.email(),
                "Old", PASSWORD.toCharArray()).pkcs12(), PASSWORD).certificatePem()), Api.bearer(supplier.token()))
                .status()).as("a fresh certificate is fine").isEqualTo(201);
    }

    @Test
    void registrationNamesTheRuleACertificateBreaks() throws Exception {
        Flows.Member member = flows.accreditedMember();
        String someoneElses = TestSigner.fromPkcs12(ca.issue("someone@else.example", "Someone",
                PASSWORD.toCharArray()).pkcs12(), PASSWORD).certificatePem();
        String mine = TestSigner.fromPkcs12(ca.issue(member.email(), "Me", PASSWORD.toCharArray()).pkcs12(),
                PASSWORD).certificatePem();

        Map<String, String> refusals = Map.of(
                "certificate.unreadable", "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----",
                "certificate.otherSubject", someoneElses,
                "certificate.untrusted", selfSigned(member.email(), clock.instant()));
        for (Map.Entry<String, String> bad : refusals.entrySet()) {
            Api.Response refused = api.post("/api/v1/certificates", Map.of("pem", bad.getValue()),
                    Api.bearer(member.token()));
            assertThat(refused.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo(bad.getKey());
        }
        Api.Response registered = api.post("/api/v1/certificates", Map.of("pem", mine), Api.bearer(member.token()));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().path("subject").asString()).contains(member.email());
        assertThat(api.post("/api/v1/certificates", Map.of("pem", mine), Api.bearer(member.token())).code())
                .isEqualTo("certificate.alreadyRegistered");

        String userStream = "user:" + jdbc.sql("SELECT id FROM app_user WHERE lower(email) = lower(:e)")
                .param("e", member.email()).query(String.class).single();
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE stream = :s AND action LIKE 'CERTIFICATE_%'")
                .param("s", userStream).query(String.class).list())
                .containsExactlyInAnyOrder("CERTIFICATE_REFUSED", "CERTIFICATE_REFUSED", "CERTIFICATE_REFUSED",
                        "CERTIFICATE_REGISTERED", "CERTIFICATE_REFUSED");
        assertThat(api.get("/api/v1/certificates", Api.bearer(member.token())).json()).hasSize(1);
    }

    @Test
    void theBuyerSignsTheOpeningProtocolAndAnyoneReverifiesIt() {
        Flows.Member buyer = flows.accreditedMember();
        Tender tender = signedTender(buyer, Duration.ofDays(2));
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        String protocol = "/api/v1/procedures/" + tender.id() + "/protocols/opening";
        String html = api.get(protocol).body();
        TestSigner key = demoKey(buyer);

        Api.Response tampered = api.post(protocol + "/signature", Map.of("signature", key.sign(html + " ")),
                Api.bearer(buyer.token()));
        assertThat(tampered.code()).isEqualTo("signature.mismatch");
        Api.Response signed = api.post(protocol + "/signature", Map.of("signature", key.sign(html)),
                Api.bearer(buyer.token()));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        String signedDocument = signed.json().path("signedDocumentId").asString();
        assertThat(api.post(protocol + "/signature", Map.of("signature", key.sign(html)),
                Api.bearer(buyer.token())).code()).isEqualTo("protocol.signedAlready");

        JsonNode check = api.get("/api/v1/signatures/" + signedDocument + "/verification").json();
        assertThat(check.path("valid").asBoolean()).isTrue();
        assertThat(check.path("signerSubject").asString()).contains(buyer.email());
        assertThat(api.get("/signatures/" + signedDocument, "Accept-Language", "en").body())
                .contains("The signature is valid.", buyer.email());
    }

    // ---------------------------------------------------------------- helpers

    /** A published request for quotations whose bids must be signed, as the created procedure says. */
    private Tender signedTender(Flows.Member buyer, Duration untilDeadline) {
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(untilDeadline), true);
        assertThat(tender.signatureRequired()).isTrue();
        return tender;
    }

    /** A key from the demo CA for the member, its certificate registered on the way, as the dev profile does. */
    private TestSigner demoKey(Flows.Member member) {
        Transfers.Bytes p12 = new Transfers(port).postForBytes("/api/v1/certificates/demo",
                "{\"password\": \"" + PASSWORD + "\"}", Api.bearer(member.token()));
        assertThat(p12.status()).as(new String(p12.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(p12.header("Content-Type")).isEqualTo("application/x-pkcs12");
        return TestSigner.fromPkcs12(p12.body(), PASSWORD);
    }


    /** A certificate with the platform attribute and the user's e-mail, but signed by nobody the platform trusts. */
    private static String selfSigned(String email, Instant now) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Self, E=" + email);
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minusSeconds(60)),
                        Date.from(now.plus(Duration.ofDays(30))), name, pair.getPublic())
                        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                                KeyPurposeId.getInstance(new org.bouncycastle.asn1.ASN1ObjectIdentifier(
                                        SignatureProperties.DEFAULT_EKU))))
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        return new TestSigner(pair.getPrivate(), certificate).certificatePem();
    }
}
