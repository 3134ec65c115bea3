package org.openetp.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openetp.OpenEtpApplication;
import org.openetp.auction.live.LiveUpdates;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.openetp.organization.Organizations;
import org.openetp.procurement.CreateProcedure;
import org.openetp.procurement.LotId;
import org.openetp.procurement.PlaceBid;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.support.DirectMembers;
import org.openetp.support.MutableClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reconnection after a failover (issue 23): the database ends the node's LISTEN session (as a primary that dies, or
 * HAProxy cutting the sessions of a server marked down, does); the node listens again on a new connection by itself,
 * catches its watchers up on what happened meanwhile, and a NOTIFY then still wakes it.
 */
class ListenerReconnectionTests {

    static final MutableClock CLOCK = new MutableClock(Instant.now());
    static final String LISTENER = "SELECT pid FROM pg_stat_activity WHERE application_name = '"
            + LiveUpdates.APPLICATION_NAME + "'";
    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext node;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
        node = new SpringApplicationBuilder(OpenEtpApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("clock", Clock.class,
                        () -> CLOCK, definition -> definition.setPrimary(true)))
                .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--server.port=0",
                        "--openetp.data-dir=" + Files.createTempDirectory("openetp-listener"),
                        "--openetp.operator.email=operator@listener.openetp.local",
                        "--openetp.operator.password=operator-listener-1",
                        "--db-scheduler.polling-interval=500ms");
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        postgres.close();
    }

    @Test
    void aTerminatedListenerListensAgainOnANewConnectionAndMissesNothing() throws Exception {
        Identity identity = node.getBean(Identity.class);
        Organizations organizations = node.getBean(Organizations.class);
        CurrentUser operator = DirectMembers.user(identity, "operator@listener.openetp.local");
        CurrentUser buyer = DirectMembers.user(identity,
                DirectMembers.member(identity, organizations, operator, "buyer", "NUCLEAR"));
        CurrentUser alpha = DirectMembers.user(identity,
                DirectMembers.member(identity, organizations, operator, "alpha", null));
        CurrentUser beta = DirectMembers.user(identity,
                DirectMembers.member(identity, organizations, operator, "beta", null));
        LotId lot = runningAuction(buyer, alpha, beta);
        Auctions auctions = node.getBean(Auctions.class);
        LiveUpdates live = node.getBean(LiveUpdates.class);

        List<String> seen = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        try {
            http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + node.getEnvironment().getProperty("local.server.port") + "/api/v1/auctions/"
                            + lot.value() + "/events")).build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(seen::add));
            await().atMost(Duration.ofSeconds(10)).until(() -> live.watcherCount(lot) == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> listeners().size() == 1);
            int before = listeners().getFirst();

            assertThat(db().sql("SELECT pg_terminate_backend(:pid)").param("pid", before).query(Boolean.class)
                    .single()).isTrue();
            // Committed while the node may not be listening: its watchers get it when it listens again.
            auctions.bid(alpha, lot, price("195000.00"));
            await().atMost(Duration.ofSeconds(20)).until(() -> listeners().size() == 1
                    && listeners().getFirst() != before && live.listening());
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(l -> l.contains("195000")));

            // And a NOTIFY wakes it on the new connection: the bid reaches the watcher through it.
            auctions.bid(beta, lot, price("193000.00"));
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(l -> l.contains("193000")));
            assertThat(seen.stream().filter(l -> l.startsWith("id:")).toList())
                    .as("every log entry once, in order").isEqualTo(List.copyOf(seen.stream()
                            .filter(l -> l.startsWith("id:")).distinct().sorted((x, y) -> Long.compare(
                                    Long.parseLong(x.substring(3)), Long.parseLong(y.substring(3)))).toList()));
        } finally {
            http.shutdownNow();
        }
    }

    private static List<Integer> listeners() {
        return db().sql(LISTENER).query(Integer.class).list();
    }

    private static JdbcClient db() {
        return JdbcClient.create(postgres.getPostgresDatabase());
    }

    private static LiveBid price(String price) {
        return new LiveBid(new BigDecimal(price), null, null, null, null, null, null, null, null);
    }

    private static LotId runningAuction(CurrentUser buyer, CurrentUser alpha, CurrentUser beta) {
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
        return lot;
    }

    private static String status(LotId lot) {
        return db().sql("SELECT status FROM auction WHERE lot_id = :lot").param("lot", lot.value())
                .query(String.class).optional().orElse("NONE");
    }
}
