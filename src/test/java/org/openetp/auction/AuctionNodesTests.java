package org.openetp.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openetp.OpenEtpApplication;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.openetp.organization.Organizations;
import org.openetp.procurement.CreateProcedure;
import org.openetp.procurement.LotId;
import org.openetp.procurement.PlaceBid;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.shared.RuleViolationException;
import org.openetp.support.MutableClock;
import org.openetp.support.DirectMembers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one database (SPEC §6, §13): a bid placed on one node reaches a watcher of the other
 * through PostgreSQL's NOTIFY; the nodes stop mid-auction, and a node started after the end ends it once, at the
 * instant it was due, and accepts no bid after it.
 */
class AuctionNodesTests {

    static EmbeddedPostgres postgres;
    static Path dataDir;
    static final MutableClock CLOCK = new MutableClock(Instant.now());

    @BeforeAll
    static void startDatabase() throws Exception {
        dataDir = Files.createTempDirectory("openetp-auction-nodes");
        postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void bidsReachWatchersOnTheOtherNodeAndTheEndSurvivesARestart() throws Exception {
        ConfigurableApplicationContext a = node();
        ConfigurableApplicationContext b = node();
        HttpClient http = HttpClient.newHttpClient();
        LotId lot;
        Instant end;
        try {
            Fixture fixture = new Fixture(a);
            ProcedureView procedure = fixture.runningAuction();
            lot = procedure.lots().getFirst().id();
            end = procedure.settings().auction().auctionStart().plus(Duration.ofMinutes(30));

            List<String> seenOnB = new CopyOnWriteArrayList<>();
            HttpRequest watch = HttpRequest.newBuilder(URI.create("http://localhost:" + port(b)
                    + "/api/v1/auctions/" + lot.value() + "/events")).build();
            var stream = http.sendAsync(watch, HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(seenOnB::add));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> b.getBean(org.openetp.auction.live.LiveUpdates.class).watcherCount() == 1);

            a.getBean(Auctions.class).bid(fixture.alpha, lot, price("195000.00"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> seenOnB.stream().anyMatch(l -> l.contains("BidPlaced") && l.contains("195000")));
            stream.cancel(true);

            // Each node keeps the engine of its last commit; a commit on the other node moves the row's head, so
            // node a must not bid against its kept engine (in which alpha still leads and would be refused).
            long betaSeq = b.getBean(Auctions.class).bid(fixture.beta, lot, price("193000.00")).seq();
            BidAcknowledged again = a.getBean(Auctions.class).bid(fixture.alpha, lot, price("191000.00"));
            assertThat(again.seq()).isEqualTo(betaSeq + 1);
            assertThat(again.auction().bestPrice()).isEqualByComparingTo("191000.00");
            ReplayReport replay = a.getBean(Auctions.class).replay(fixture.buyer, lot);
            assertThat(replay.chainValid()).isTrue();
            assertThat(replay.sameResult()).isTrue();
        } finally {
            a.close();
            b.close();
        }

        // Every node is down when the auction is due to end; the next node to start ends it, stamped when due.
        CLOCK.advanceTo(end.plusSeconds(90));
        ConfigurableApplicationContext c = node();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(lot).equals("ENDED"));
            assertThat(jdbc().sql("SELECT at FROM auction_event WHERE lot_id = :lot AND type = 'Ended'")
                    .param("lot", lot.value()).query(java.sql.Timestamp.class).list())
                    .singleElement().extracting(java.sql.Timestamp::toInstant)
                    // PostgreSQL keeps microseconds, rounded.
                    .satisfies(at -> assertThat(at).isCloseTo(end, within(1, ChronoUnit.MICROS)));
            assertThat(jdbc().sql("SELECT count(*) FROM audit_entry WHERE stream = :s AND action = 'AUCTION_ENDED'")
                    .param("s", "auction:" + lot).query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc().sql("SELECT status FROM lot WHERE id = :lot").param("lot", lot.value())
                    .query(String.class).single()).isEqualTo("AWARDED");
            Fixture again = new Fixture(c, true);
            assertThatThrownBy(() -> c.getBean(Auctions.class).bid(again.beta, lot, price("194000.00")))
                    .isInstanceOf(RuleViolationException.class).hasMessage("auction.closed");
        } finally {
            c.close();
            http.shutdownNow();
        }
    }

    private static LiveBid price(String price) {
        return new LiveBid(new BigDecimal(price), null, null, null, null, null, null, null, null);
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port", "0"));
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(OpenEtpApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("clock", Clock.class,
                        () -> CLOCK, definition -> definition.setPrimary(true)))
                .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--server.port=0",
                        "--openetp.data-dir=" + dataDir,
                        "--openetp.operator.email=operator@auction-nodes.openetp.local",
                        "--openetp.operator.password=operator-nodes-1",
                        "--db-scheduler.polling-interval=500ms");
    }

    private static String status(LotId lot) {
        return jdbc().sql("SELECT status FROM auction WHERE lot_id = :lot").param("lot", lot.value())
                .query(String.class).optional().orElse("NONE");
    }

    private static JdbcClient jdbc() {
        return JdbcClient.create(postgres.getPostgresDatabase());
    }

    /** A nuclear-industry buyer (lots up to 200,000 RUB need no tariff) and two suppliers, through module APIs. */
    private static final class Fixture {

        static final String[] EMAILS = new String[3];
        private final ConfigurableApplicationContext node;
        private final CurrentUser buyer;
        private final CurrentUser alpha;
        private final CurrentUser beta;

        Fixture(ConfigurableApplicationContext node) {
            this(node, false);
        }

        Fixture(ConfigurableApplicationContext node, boolean existing) {
            this.node = node;
            Identity identity = node.getBean(Identity.class);
            Organizations organizations = node.getBean(Organizations.class);
            CurrentUser operator = DirectMembers.user(identity, "operator@auction-nodes.openetp.local");
            if (!existing) {
                EMAILS[0] = DirectMembers.member(identity, organizations, operator, "buyer", "NUCLEAR");
                EMAILS[1] = DirectMembers.member(identity, organizations, operator, "alpha", null);
                EMAILS[2] = DirectMembers.member(identity, organizations, operator, "beta", null);
            }
            this.buyer = DirectMembers.user(identity, EMAILS[0]);
            this.alpha = DirectMembers.user(identity, EMAILS[1]);
            this.beta = DirectMembers.user(identity, EMAILS[2]);
        }

        /** A reverse auction whose two applications are open and whose clock has started. */
        ProcedureView runningAuction() {
            Procurement procurement = node.getBean(Procurement.class);
            Instant deadline = CLOCK.instant().plus(Duration.ofDays(2));
            Instant start = deadline.plus(Duration.ofHours(1));
            ProcedureView draft = procurement.create(buyer, new CreateProcedure("REVERSE_AUCTION", "Fuel rods",
                    "Zirconium tubes", "RUB", deadline, Map.of("auctionStart", start.toString(), "duration", "PT30M"),
                    List.of(new CreateProcedure.NewLot("Tubes", "17.1", BigDecimal.valueOf(50), "pcs",
                            new BigDecimal("200000.00"), null, null)), null, null));
            procurement.publish(buyer, draft.id());
            LotId lot = draft.lots().getFirst().id();
            procurement.placeBid(alpha, draft.id(), lot,
                    new PlaceBid(new BigDecimal("199000.00"), "RUB", null, null, null, null, null));
            procurement.placeBid(beta, draft.id(), lot,
                    new PlaceBid(new BigDecimal("198000.00"), "RUB", null, null, null, null, null));
            CLOCK.advanceTo(deadline.plusSeconds(1));
            procurement.openDue();
            await().atMost(Duration.ofSeconds(20)).until(() -> status(lot).equals("SCHEDULED"));
            CLOCK.advanceTo(start);
            node.getBean(Auctions.class).advanceDue();
            assertThat(status(lot)).isEqualTo("RUNNING");
            return procurement.describe(draft.id());
        }

    }
}
