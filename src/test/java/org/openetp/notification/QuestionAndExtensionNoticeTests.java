package org.openetp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.auction.AuctionFixture;
import org.openetp.auction.Auctions;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Tender;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 items 7 and 8: the buyers of a procedure's organization are told that a clarification question arrived
 * (and nobody else is); the bidders and the buyer of a lot are told that its live auction was extended, once, with
 * the new end; a leading bidder's bid is refused in words.
 */
class QuestionAndExtensionNoticeTests extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    MutableClock clock;
    @Autowired
    Procurement procurement;
    @Autowired
    Auctions auctions;

    @Test
    void theBuyersOrganizationIsToldOfAQuestionAndNoOtherOrganizationIs() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member asker = flows.entitledSupplier();
        Flows.Member otherBuyer = flows.accreditedMember();
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(5)), false);

        Api.Response asked = api.post("/api/v1/procedures/" + tender.id() + "/questions",
                Map.of("text", "May the laptops come with a Russian keyboard?"), Api.bearer(asker.token()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);

        await().atMost(PATIENCE).until(() -> notice(buyer, "notification.questionAsked", tender.id(), "en") != null);
        JsonNode en = notice(buyer, "notification.questionAsked", tender.id(), "en");
        assertThat(en.path("title").asString()).isEqualTo("New clarification question: Signed laptops");
        assertThat(en.path("body").asString()).doesNotContain(asker.email()).contains("Signed laptops");
        assertThat(en.path("link").asString())
                .isEqualTo("/procedures/" + tender.id() + "/documents/questions");
        assertThat(notice(buyer, "notification.questionAsked", tender.id(), "ru").path("title").asString())
                .isEqualTo("Новый запрос разъяснений: Signed laptops");
        for (Flows.Member other : List.of(asker, otherBuyer)) {
            assertThat(notice(other, "notification.questionAsked", tender.id(), "en")).as(other.email()).isNull();
        }
    }

    @Test
    void theLotsBiddersAndBuyerAreToldOnceThatTheAuctionWasExtended() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Flows.Member stranger = flows.entitledSupplier();
        AuctionFixture fixture = new AuctionFixture(api, clock, procurement, auctions);
        AuctionFixture.Published auction = fixture.running(buyer,
                Map.of("duration", "PT30M", "extensionWindow", "PT10M"), List.of(alpha, beta));
        Instant end = auction.start().plus(Duration.ofMinutes(30));

        clock.advanceTo(auction.start().plus(Duration.ofMinutes(5)));
        // Both offered the start price, so one of them leads by the tie-break: the other bids and leads.
        Api.Response first = bid(auction, beta, "118000.00");
        Flows.Member leader = first.status() == 201 ? beta : alpha;
        Flows.Member other = leader == beta ? alpha : beta;
        if (leader == alpha) {
            assertThat(first.code()).as("beta led at the start price").isEqualTo("auction.ownLeadingBid");
            assertThat(bid(auction, alpha, "118000.00").status()).isEqualTo(201);
        }
        // The leader may not beat itself: refused in words, as the page says before the click.
        Api.Response own = bid(auction, leader, "117000.00");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.code()).isEqualTo("auction.ownLeadingBid");
        assertThat(notices(other, "notification.auctionExtended", auction.lot())).as("no extension yet").isEmpty();

        clock.advanceTo(end.minusSeconds(30));
        assertThat(bid(auction, other, "117000.00").status()).isEqualTo(201);
        clock.advanceTo(end.minusSeconds(10));
        assertThat(bid(auction, leader, "116000.00").status()).isEqualTo(201);
        Instant extended = Instant.parse(api.get(auction.path()).json().path("endsAt").asString());
        assertThat(extended).isAfter(end);

        for (Flows.Member told : List.of(alpha, beta, buyer)) {
            await().atMost(PATIENCE).until(() -> !notices(told, "notification.auctionExtended", auction.lot())
                    .isEmpty());
            List<JsonNode> got = notices(told, "notification.auctionExtended", auction.lot());
            assertThat(got).as("once, though two bids extended it").hasSize(1);
            assertThat(got.getFirst().path("title").asString()).isEqualTo("The live auction is extended: lot 1");
            assertThat(got.getFirst().path("body").asString()).contains("Live auction for pipes", "no earlier than");
        }
        assertThat(notices(stranger, "notification.auctionExtended", auction.lot())).isEmpty();
    }

    private Api.Response bid(AuctionFixture.Published auction, Flows.Member who, String price) {
        return api.post(auction.bids(), Map.of("price", price), Api.bearer(who.token()));
    }

    private List<JsonNode> notices(Flows.Member member, String key, String linked) {
        return inbox(member, "en").filter(n -> n.path("key").asString().equals(key)
                && n.path("link").asString().contains(linked)).toList();
    }

    private JsonNode notice(Flows.Member member, String key, String linked, String lang) {
        return inbox(member, lang).filter(n -> n.path("key").asString().equals(key)
                && n.path("link").asString().contains(linked)).findFirst().orElse(null);
    }

    private java.util.stream.Stream<JsonNode> inbox(Flows.Member member, String lang) {
        return api.get("/api/v1/notifications?size=100", "Authorization", "Bearer " + member.token(),
                "Accept-Language", lang).json().path("items").valueStream();
    }
}
