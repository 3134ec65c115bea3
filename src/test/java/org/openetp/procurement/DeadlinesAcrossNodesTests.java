package org.openetp.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openetp.OpenEtpApplication;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.openetp.identity.NewUser;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.RegisterOrganization;
import org.openetp.support.MutableClock;
import org.openetp.support.TestIdentifiers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one database: a deadline opens the bids exactly once, whichever node gets there, and
 * a deadline that passed while every node was down is honoured by the next node that starts.
 */
class DeadlinesAcrossNodesTests {

    static EmbeddedPostgres postgres;
    static Path dataDir;
    static final MutableClock CLOCK = new MutableClock(Instant.now());

    @BeforeAll
    static void startDatabase() throws Exception {
        dataDir = Files.createTempDirectory("openetp-nodes");
        postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void theDeadlineOpensBidsOnceAcrossTwoNodesAndAfterARestart() throws Exception {
        ConfigurableApplicationContext a = node();
        ConfigurableApplicationContext b = node();
        try {
            Fixture fixture = new Fixture(a);
            ProcedureId first = fixture.publishedWithOneBid();

            CLOCK.advance(Duration.ofDays(2).plusSeconds(1));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Future<Integer>> runs = List.of(
                    threads.submit(openDueAfter(start, a)), threads.submit(openDueAfter(start, b)));
            start.countDown();
            int openedByTheTwoCalls = runs.get(0).get() + runs.get(1).get();
            threads.shutdown();
            assertThat(openedByTheTwoCalls).isLessThanOrEqualTo(1);
            // The schedulers of both nodes run too; whoever wins, the procedure is opened exactly once.
            await().atMost(Duration.ofSeconds(20)).until(() -> status(first).equals("EVALUATION"));
            assertThat(journaled(first, "BIDS_OPENED")).isEqualTo(1);
            assertThat(jdbc().sql("SELECT count(*) FROM protocol WHERE procedure_id = :id AND kind = 'OPENING'")
                    .param("id", first.value()).query(Long.class).single()).isEqualTo(1);

            ProcedureId second = fixture.publishedWithOneBid();
            a.close();
            b.close();
            CLOCK.advance(Duration.ofDays(2).plusSeconds(1));
            assertThat(status(second)).isEqualTo("PUBLISHED");

            ConfigurableApplicationContext c = node();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> status(second).equals("EVALUATION"));
                assertThat(journaled(second, "BIDS_OPENED")).isEqualTo(1);
            } finally {
                c.close();
            }
        } finally {
            a.close();
            b.close();
        }
    }

    private static Callable<Integer> openDueAfter(CountDownLatch start, ConfigurableApplicationContext node) {
        return () -> {
            start.await();
            return node.getBean(Procurement.class).openDue();
        };
    }

    private static ConfigurableApplicationContext node() {
        // Command-line arguments, because they outrank application.yml and the test properties.
        return new SpringApplicationBuilder(OpenEtpApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("clock", Clock.class,
                        () -> CLOCK, definition -> definition.setPrimary(true)))
                .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--server.port=0",
                        "--openetp.data-dir=" + dataDir,
                        "--openetp.operator.email=operator@nodes.openetp.local",
                        "--openetp.operator.password=operator-nodes-1",
                        "--db-scheduler.polling-interval=500ms");
    }

    private static String status(ProcedureId id) {
        return jdbc().sql("SELECT status FROM procedure WHERE id = :id").param("id", id.value())
                .query(String.class).single();
    }

    private static long journaled(ProcedureId id, String action) {
        return jdbc().sql("SELECT count(*) FROM audit_entry WHERE stream = :s AND action = :a")
                .param("s", "procedure:" + id).param("a", action).query(Long.class).single();
    }

    private static JdbcClient jdbc() {
        return JdbcClient.create(postgres.getPostgresDatabase());
    }

    /** A buyer and a supplier, both accredited, made through the node's module APIs. */
    private static final class Fixture {

        private final Procurement procurement;
        private final CurrentUser buyer;
        private final CurrentUser supplier;

        Fixture(ConfigurableApplicationContext node) {
            Identity identity = node.getBean(Identity.class);
            Organizations organizations = node.getBean(Organizations.class);
            CurrentUser operator = user(identity, "operator@nodes.openetp.local");
            this.procurement = node.getBean(Procurement.class);
            // A buyer of the nuclear industry: its purchases up to 200,000 RUB need no tariff (SPEC §4.2), so the
            // supplier can bid without buying a plan.
            this.buyer = member(identity, organizations, operator, "buyer", "NUCLEAR");
            this.supplier = member(identity, organizations, operator, "supplier", null);
        }

        ProcedureId publishedWithOneBid() {
            ProcedureView draft = procurement.create(buyer, new CreateProcedure("REQUEST_FOR_QUOTATIONS",
                    "Paper", "A4 paper, 500 boxes", "RUB", CLOCK.instant().plus(Duration.ofDays(2)), Map.of(),
                    List.of(new CreateProcedure.NewLot("Paper", "17.1", BigDecimal.valueOf(500), "box",
                            new BigDecimal("200000.00"), null, null)), null, null));
            procurement.publish(buyer, draft.id());
            procurement.placeBid(supplier, draft.id(), draft.lots().getFirst().id(),
                    new PlaceBid(new BigDecimal("190000.00"), "RUB", null, null, null, null, null));
            return draft.id();
        }

        private static CurrentUser member(Identity identity, Organizations organizations, CurrentUser operator,
                String who, @Nullable String industry) {
            String email = TestIdentifiers.email(who);
            UserId id = identity.registerConfirmed(new NewUser(who, email, "+7 900 000-00-00", who, "password-123",
                    "en"), false);
            OrganizationId organization = organizations.register(new RegisterOrganization(null,
                    new RegisterOrganization.OrganizationPart("RU", "LLC", TestIdentifiers.inn10(),
                            TestIdentifiers.ogrn(), "773601001", who + " LLC", who, "Moscow", "Moscow", "Moscow",
                            List.of(), List.of(), false, industry, null)), id, "en").organizationId();
            organizations.accredit(operator, organization);
            return user(identity, email);
        }

        private static CurrentUser user(Identity identity, String email) {
            var s = identity.findByEmail(email).orElseThrow();
            return new CurrentUser(s.id(), s.email(), s.fullName(), s.operator(), s.locale());
        }
    }
}
