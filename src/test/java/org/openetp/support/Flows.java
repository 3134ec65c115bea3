package org.openetp.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The steps a real newcomer takes, through the public API only, for tests that need them as a starting point. */
public final class Flows {

    public static final String OPERATOR_EMAIL = "operator@test.openetp.local";
    public static final String OPERATOR_PASSWORD = "operator-test-1";

    private final Api api;

    public Flows(Api api) {
        this.api = api;
    }

    /** A registered, confirmed user with a token and the organization it registered. */
    public record Member(String email, String token, String organizationId) {
    }

    /** Registers, confirms the e-mail from the outbox, and takes an API token; the organization stays PENDING. */
    public Member confirmedMember(Map<String, Object> registration) {
        Api.Response created = api.post("/api/v1/registrations", registration);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String email = (String) Registrations.user(registration).get("email");
        confirm(email);
        String password = (String) Registrations.user(registration).get("password");
        return new Member(email, token(email, password), created.json().path("organizationId").asString());
    }

    /** As {@link #confirmedMember}, and then the operator accredits the organization. */
    public Member accreditedMember() {
        Member member = confirmedMember(Registrations.russianLlc());
        Api.Response decided = api.post("/api/v1/operator/organizations/" + member.organizationId()
                + "/accreditation", Map.of("decision", "ACCREDITED"), Api.bearer(operatorToken()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return member;
    }

    /**
     * As {@link #accreditedMember}, and then the organization buys the FULL plan and the operator records the bank
     * transfer (SPEC §4.3): a supplier entitled to bid on any lot, as a real one becomes one.
     */
    public Member entitledSupplier() {
        return entitled(accreditedMember());
    }

    /** The member's organization buys the FULL plan and the operator records the payment. */
    public Member entitled(Member member) {
        Api.Response subscribed = api.post("/api/v1/subscriptions", Map.of("planCode", "FULL"),
                Api.bearer(member.token()));
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        Api.Response paid = api.post("/api/v1/operator/invoices/" + subscribed.json().path("invoiceId").asString()
                + "/payment", Map.of("amount", "10000.00", "currency", "RUB", "reference", "PP-" + member.email()),
                Api.bearer(operatorToken()));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return member;
    }

    /** Follows the newest confirmation link mailed to the address (the dev outbox). */
    public void confirm(String email) {
        Api.Response followed = api.get(path(confirmationLink(email)));
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.body()).contains("confirm-ok");
    }

    public String confirmationLink(String email) {
        // Asked for this address only: other tests' notices may well be the last hundred mails.
        for (JsonNode mail : api.get("/api/v1/dev/mail?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                .json()) {
            if (mail.path("to").asString().equals(email) && mail.path("links").size() > 0
                    && mail.path("links").get(0).asString().contains("/confirm?token=")) {
                return mail.path("links").get(0).asString();
            }
        }
        throw new AssertionError("No confirmation mail to " + email);
    }

    public String token(String email, String password) {
        Api.Response response = api.post("/api/v1/tokens", Map.of("name", "test"), Api.basic(email, password));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("token").asString();
    }

    public String operatorToken() {
        return token(OPERATOR_EMAIL, OPERATOR_PASSWORD);
    }

    private static String path(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
