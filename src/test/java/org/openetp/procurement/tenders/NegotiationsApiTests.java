package org.openetp.procurement.tenders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Competitive negotiations (SPEC §5.1) over the API: private threads per supplier, the call for final offers,
 * sealed final offers and the buyer's reasoned choice; and above all that no supplier's token ever reads another
 * supplier's messages or final offer, whichever endpoint it tries.
 */
class NegotiationsApiTests extends ApiTest {

    private static final String ALPHA_SECRET = "alpha-secret-discount-7pct";
    private static final String ALPHA_TERMS = "alpha-terms-warranty-5y";
    private static final String ALPHA_PRICE = "91234.00";

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oneSuppliersTokenNeverReadsAnotherSuppliersMessagesOrFinalOffer() {
        TenderSupport tenders = new TenderSupport(api, flows);
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Flows.Member outsider = flows.entitledSupplier();
        JsonNode created = tenders.create(buyer, "COMPETITIVE_NEGOTIATIONS", "Negotiated servers",
                clock.instant().plus(Duration.ofDays(5)), Map.of(),
                List.of(Map.of("code", "price", "weight", 70), Map.of("code", "terms", "weight", 30)));
        String id = created.path("id").asString();
        String base = "/api/v1/procedures/" + id;
        String bids = TenderSupport.bids(created);
        assertThat(created.path("settings").path("invitedOnly").asBoolean()).isTrue();
        tenders.invite(buyer, id, alpha);
        tenders.invite(buyer, id, beta);
        tenders.publish(buyer, id);

        // Private rounds: each thread is the buyer and one supplier.
        String alphaThread = base + "/negotiations/threads/" + alpha.organizationId();
        String betaThread = base + "/negotiations/threads/" + beta.organizationId();
        assertThat(api.post(alphaThread + "/messages", Map.of("text", ALPHA_SECRET), Api.bearer(alpha.token()))
                .status()).isEqualTo(201);
        assertThat(api.post(alphaThread + "/messages", Map.of("text", "Noted, alpha"), Api.bearer(buyer.token()))
                .status()).isEqualTo(201);
        assertThat(api.post(betaThread + "/messages", Map.of("text", "Can you deliver in May?"),
                Api.bearer(buyer.token())).status()).isEqualTo(201);
        assertThat(api.post(betaThread + "/messages", Map.of("text", "Yes"), Api.bearer(beta.token())).status())
                .isEqualTo(201);
        assertThat(api.get(alphaThread, Api.bearer(buyer.token())).json().path("messages").size()).isEqualTo(2);
        assertThat(api.get(base + "/negotiations/threads", Api.bearer(buyer.token())).json().size()).isEqualTo(2);

        // Beta cannot read nor write alpha's thread, and lists only its own; outsiders see nothing at all.
        assertThat(api.get(alphaThread, Api.bearer(beta.token())).status()).isEqualTo(404);
        assertThat(api.post(alphaThread + "/messages", Map.of("text", "spoof"), Api.bearer(beta.token())).status())
                .isEqualTo(404);
        JsonNode betaThreads = api.get(base + "/negotiations/threads", Api.bearer(beta.token())).json();
        assertThat(betaThreads.valueStream().map(t -> t.path("organizationId").asString()))
                .containsExactly(beta.organizationId());
        for (String path : List.of(base, base + "/negotiations", base + "/negotiations/threads", alphaThread, bids)) {
            assertThat(api.get(path, Api.bearer(outsider.token())).status()).as(path).isEqualTo(404);
        }

        // Final offers only after the call; sealed until its deadline.
        Api.Response early = api.post(bids, Map.of("price", "99000.00", "proposal", Map.of("terms", "x")),
                Api.bearer(alpha.token()));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("bid.noCallForFinalOffers");
        assertThat(api.post(base + "/negotiations/final-offers", Map.of("deadline",
                clock.instant().plus(Duration.ofDays(1)).toString()), Api.bearer(alpha.token())).status())
                .as("only the buyer calls").isEqualTo(404);
        Api.Response called = api.post(base + "/negotiations/final-offers", Map.of("deadline",
                clock.instant().plus(Duration.ofDays(1)).toString()), Api.bearer(buyer.token()));
        assertThat(called.status()).as(called.body()).isEqualTo(200);
        assertThat(api.get(base, Api.bearer(alpha.token())).json().path("submissionDeadline").asString())
                .isEqualTo(called.json().path("finalOfferDeadline").asString());
        JsonNode alphaOffer = api.post(bids, Map.of("price", ALPHA_PRICE, "proposal", Map.of("terms", ALPHA_TERMS)),
                Api.bearer(alpha.token())).json();
        assertThat(api.post(bids, Map.of("price", "95000.00", "proposal", Map.of("terms", "beta terms")),
                Api.bearer(beta.token())).status()).isEqualTo(201);
        assertThat(api.post(bids, Map.of("price", "90000.00", "proposal", Map.of("terms", "x")),
                Api.bearer(outsider.token())).code()).isEqualTo("bid.notInvited");
        assertThat(api.get(bids, Api.bearer(buyer.token())).status()).as("sealed").isEqualTo(403);

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        procurement.openDue();
        JsonNode opened = api.get(bids, Api.bearer(buyer.token())).json();
        assertThat(opened.size()).isEqualTo(2);
        String betaBid = opened.valueStream().filter(b -> b.path("price").asString().equals("95000.00")).findFirst()
                .orElseThrow().path("id").asString();
        String lot = created.path("lots").get(0).path("id").asString();
        assertThat(api.post(base + "/negotiations/lots/" + lot + "/choice", Map.of("bidId", betaBid),
                Api.bearer(buyer.token())).errorFields()).containsExactly("reason");
        Api.Response chosen = api.post(base + "/negotiations/lots/" + lot + "/choice", Map.of("bidId", betaBid,
                "reason", "Faster delivery outweighs the price"), Api.bearer(buyer.token()));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(api.get(base, Api.bearer(buyer.token())).json().path("status").asString()).isEqualTo("AWARDED");
        assertThat(api.get(base + "/protocols/opening", Api.bearer(buyer.token())).body()).contains("91,234.00");
        assertThat(api.get(base + "/protocols/negotiations", Api.bearer(beta.token())).body())
                .contains("Negotiations protocol", "Faster delivery outweighs the price");

        // Every endpoint beta's token can reach, after everything happened: none tells alpha's words or offer.
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/notifications", Api.bearer(beta.token()))
                .json().path("items").size() >= 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/notifications", Api.bearer(alpha.token()))
                .json().path("items").valueStream().anyMatch(n -> n.path("kind").asString().equals("AWARD")));
        String alphaBid = alphaOffer.path("id").asString();
        List<Api.Response> seenByBeta = new ArrayList<>();
        for (String path : List.of(base, base + "/negotiations", base + "/negotiations/threads", betaThread, bids,
                base + "/protocols/negotiations", base + "/protocols/opening", base + "/protocols/award",
                base + "/protocols/opening.pdf", base + "/bids/" + alphaBid + "/signature", alphaThread,
                "/api/v1/notifications", "/procedures/" + id, "/procedures/" + id + "/tender")) {
            seenByBeta.add(api.get(path, Api.bearer(beta.token())));
        }
        seenByBeta.add(api.post(alphaThread + "/messages", Map.of("text", "again"), Api.bearer(beta.token())));
        assertThat(seenByBeta).allSatisfy(r -> assertThat(r.body()).doesNotContain(ALPHA_SECRET)
                .doesNotContain(ALPHA_TERMS).doesNotContain(ALPHA_PRICE).doesNotContain("91234")
                .doesNotContain("91,234")
                .doesNotContain("Noted, alpha"));
        assertThat(seenByBeta.get(6).status()).as("the opening protocol lists every offer").isEqualTo(404);
        assertThat(seenByBeta.get(9).status()).isEqualTo(404);
        assertThat(api.get(bids, Api.bearer(beta.token())).json().valueStream().map(b -> b.path("price").asString()))
                .containsExactly("95000.00");
        // And the other way round, alpha never reads beta's thread.
        assertThat(api.get(betaThread, Api.bearer(alpha.token())).status()).isEqualTo(404);
        assertThat(api.get(base + "/negotiations/threads", Api.bearer(alpha.token())).body()).doesNotContain("May?");

        List<String> journal = jdbc.sql("SELECT action || ' ' || details::text FROM audit_entry WHERE stream = :s")
                .param("s", "procedure:" + id).query(String.class).list();
        assertThat(journal).anyMatch(e -> e.startsWith("NEGOTIATION_MESSAGE_SENT"))
                .anyMatch(e -> e.startsWith("FINAL_OFFERS_CALLED")).anyMatch(e -> e.startsWith("NEGOTIATION_CHOICE_MADE"))
                .anyMatch(e -> e.startsWith("STAGE_PROTOCOL_PUBLISHED"))
                .noneMatch(e -> e.contains(ALPHA_SECRET));
    }
}
