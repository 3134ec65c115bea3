package org.openetp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.openetp.identity.NewUser;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.RegisterOrganization;
import org.openetp.procurement.CreateProcedure;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.procurement.catalogue.Catalogue;
import org.openetp.procurement.catalogue.CatalogueItem;
import org.openetp.procurement.catalogue.CatalogueSearch;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.ReadReplica;
import org.openetp.support.TestIdentifiers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read routing (issue 23) with {@code openetp.read-datasource.url} set. The read datasource is the same embedded
 * server under another role, {@code openetp_reader}: read-only by default (as a standby is), and whose search path
 * puts a schema {@code lagging} first. Views there that show no procedures make the read side a replica that has not
 * caught up yet, so what a path shows tells which datasource served it.
 */
class ReadRoutingTests {

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext node;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
        primary().sql("""
                CREATE ROLE openetp_reader LOGIN PASSWORD 'reader-secret';
                ALTER ROLE openetp_reader SET default_transaction_read_only = on;
                ALTER ROLE openetp_reader SET search_path = lagging, public;
                CREATE SCHEMA lagging;
                GRANT USAGE ON SCHEMA lagging TO openetp_reader;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO openetp_reader;
                ALTER DEFAULT PRIVILEGES IN SCHEMA lagging GRANT SELECT ON TABLES TO openetp_reader;
                """).update();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        node = new SpringApplicationBuilder(OpenEtpApplication.class).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                // Without user= in the URL: the driver prefers the URL's user to the pool's.
                "--openetp.read-datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "--openetp.read-datasource.username=openetp_reader",
                "--openetp.read-datasource.password=reader-secret",
                "--server.port=0", "--openetp.data-dir=" + Files.createTempDirectory("openetp-read-routing"),
                "--openetp.operator.email=operator@routing.openetp.local",
                "--openetp.operator.password=operator-routing-1");
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        postgres.close();
    }

    @Test
    void labelledReadsUseTheReadDatasourceAndEverythingElseThePrimary() {
        ReadReplica replica = node.getBean(ReadReplica.class);
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        assertThat(replica.read(() -> jdbc.sql("SELECT current_user").query(String.class).single()))
                .isEqualTo("openetp_reader");
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).as("outside a transaction")
                .isEqualTo("postgres");
        TransactionTemplate write = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
        String inWrite = write.execute(status -> replica.read(() -> jdbc.sql("SELECT current_user")
                .query(String.class).single()));
        assertThat(inWrite).as("a labelled read inside a primary transaction joins it: it sees its writes")
                .isEqualTo("postgres");
        assertThat(node.getBean(DataSource.class)).isInstanceOf(ReadRoutingConfiguration.RoutingDataSource.class);
    }

    @Test
    void theCatalogueAndAnonymousProcedurePagesReadTheReplicaWhileWritesAndMembersUseThePrimary() throws Exception {
        CurrentUser buyer = buyer();
        Procurement procurement = node.getBean(Procurement.class);
        // A write path: the read role is read-only, so this succeeding proves it ran on the primary.
        ProcedureView draft = procurement.create(buyer, new CreateProcedure("REQUEST_FOR_QUOTATIONS", "Routed paper",
                "A4 paper", "RUB", Instant.now().plus(Duration.ofDays(3)), Map.of(),
                List.of(new CreateProcedure.NewLot("Paper", "17.1", BigDecimal.TEN, "box", new BigDecimal("1000.00"),
                        null, null)), null, null));
        ProcedureId id = draft.id();
        procurement.publish(buyer, id);
        assertThat(primary().sql("SELECT count(*) FROM procedure_search WHERE procedure_id = :id").param("id", id.value())
                .query(Long.class).single()).as("in the primary's catalogue").isEqualTo(1);

        // The replica has not caught up with this procedure yet.
        primary().sql("""
                CREATE VIEW lagging.procedure_search AS SELECT * FROM public.procedure_search WHERE procedure_id <> '%s';
                CREATE VIEW lagging.procedure AS SELECT * FROM public.procedure WHERE id <> '%s';
                """.formatted(id.value(), id.value())).update();
        try {
            Catalogue catalogue = node.getBean(Catalogue.class);
            assertThat(catalogue.search(CatalogueSearch.everything()).items()).extracting(CatalogueItem::id)
                    .as("the catalogue reads the replica").doesNotContain(id);
            assertThat(anonymousGet(id)).as("the anonymous page reads the replica").isEqualTo(404);
            assertThatThrownBy(() -> node.getBean(ReadReplica.class).read(() -> procurement.view(null, id)))
                    .isInstanceOf(NotFoundException.class);
            assertThat(procurement.view(buyer, id).title()).as("the buyer right after his post: the primary")
                    .isEqualTo("Routed paper");
        } finally {
            primary().sql("DROP VIEW lagging.procedure_search; DROP VIEW lagging.procedure").update();
        }
        // Caught up: the same paths now show it (the catalogue's pages read from a replica live about two seconds).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                node.getBean(Catalogue.class).search(CatalogueSearch.everything()).items())
                .extracting(CatalogueItem::id).contains(id));
        assertThat(anonymousGet(id)).isEqualTo(200);
    }

    private static int anonymousGet(ProcedureId id) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/procedures/" + id.value())).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JdbcClient primary() {
        return JdbcClient.create(postgres.getPostgresDatabase());
    }

    private static CurrentUser buyer() {
        Identity identity = node.getBean(Identity.class);
        Organizations organizations = node.getBean(Organizations.class);
        CurrentUser operator = user(identity, "operator@routing.openetp.local");
        String email = TestIdentifiers.email("buyer");
        UserId id = identity.registerConfirmed(new NewUser("buyer", email, "+7 900 000-00-00", "buyer",
                "password-123", "en"), false);
        OrganizationId organization = organizations.register(new RegisterOrganization(null,
                new RegisterOrganization.OrganizationPart("RU", "LLC", TestIdentifiers.inn10(), TestIdentifiers.ogrn(),
                        "773601001", "Buyer LLC", "Buyer", "Moscow", "Moscow", "Moscow", List.of(), List.of(), false,
                        null, null)), id, "en").organizationId();
        organizations.accredit(operator, organization);
        return user(identity, email);
    }

    private static CurrentUser user(Identity identity, String email) {
        var s = identity.findByEmail(email).orElseThrow();
        return new CurrentUser(s.id(), s.email(), s.fullName(), s.operator(), s.locale());
    }
}
