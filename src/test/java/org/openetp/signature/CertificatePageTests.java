package org.openetp.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.signature.demo.DemoCertificateAuthority;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.openetp.support.TestSigner;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;

/** The "Signature" page as a browser uses it: upload a certificate file, see refusals in words, revoke. */
class CertificatePageTests extends ApiTest {

    @Autowired
    DemoCertificateAuthority ca;

    @Test
    void aUserRegistersACertificateFileSeesItListedAndRevokesIt() {
        Flows.Member member = flows.accreditedMember();
        Transfers browser = Transfers.loggedIn(port, member.email(), Registrations.PASSWORD);
        String page = browser.page("/certificates").body();
        assertThat(page).contains("No certificates yet.", SignatureProperties.DEFAULT_EKU, "id=\"demo-ca\"");
        String pem = TestSigner.fromPkcs12(ca.issue(member.email(), "Page User", "secret1".toCharArray()).pkcs12(),
                "secret1").certificatePem();

        Api.Response refused = browser.upload("/certificates", List.of(new Transfers.Part("other.pem",
                "garbage".getBytes(StandardCharsets.US_ASCII), "application/x-pem-file")),
                Map.of("_csrf", Transfers.csrf(page)));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(browser.page("/certificates").body()).contains("This is not an X.509 certificate in PEM or DER.")
                .contains("No certificates yet.");

        browser.upload("/certificates", List.of(new Transfers.Part("me.pem", pem.getBytes(StandardCharsets.US_ASCII),
                "application/x-pem-file")), Map.of("_csrf", Transfers.csrf(page)));
        String listed = browser.page("/certificates").body();
        assertThat(listed).contains("Certificate registered.", "EMAILADDRESS=" + member.email(), "Page User");

        String revokeAction = listed.replaceAll("(?s).*action=\"(/certificates/[0-9a-f-]{36}/revoke)\".*", "$1");
        browser.form(revokeAction, Map.of("_csrf", Transfers.csrf(listed)));
        assertThat(browser.page("/certificates").body()).contains("Certificate revoked", "Revoked")
                .doesNotContain("/revoke\"");
        assertThat(api.get("/api/v1/certificates", Api.bearer(member.token())).json().get(0).hasNonNull("revokedAt"))
                .isTrue();
    }

    @Test
    void anotherUserCannotRevokeMyCertificate() {
        Flows.Member owner = flows.accreditedMember();
        Flows.Member other = flows.accreditedMember();
        String pem = TestSigner.fromPkcs12(ca.issue(owner.email(), "Owner", "secret1".toCharArray()).pkcs12(),
                "secret1").certificatePem();
        String id = api.post("/api/v1/certificates", Map.of("pem", pem), Api.bearer(owner.token())).json()
                .path("id").asString();

        assertThat(api.delete("/api/v1/certificates/" + id, Api.bearer(other.token())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/certificates", Api.bearer(other.token())).json()).isEmpty();
        assertThat(api.get("/api/v1/certificates", Api.bearer(owner.token())).json().get(0).hasNonNull("revokedAt"))
                .as("still valid").isFalse();
    }
}
