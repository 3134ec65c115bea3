package org.openetp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openetp.OpenEtpApplication;
import org.openetp.procurement.catalogue.CatalogueIndex;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page of the UI walk timed over HTTP (issue 16: every page p95 ≤ 200 ms at 20 concurrent users on the demo
 * data plus 10,000 procedures; {@code ./mvnw -Pbench verify -Dtest=PagesBenchmark}, at smoke scale in every build, see
 * {@link Bench}). The platform starts with the demo data (README's logins), 10,000 synthetic procedures with their
 * lots and buyers are loaded beside it; each demo role signs in and finds its pages as the walk does (its menu and the
 * first object page each list links to, {@link org.openetp.web.WalkedPages}); then 20 signed-in users, five per
 * role, each in its own session, fetch their role's pages round and round. The p95 per role and page goes to
 * {@code target/bench/pages.md} beside the same run's primary-key lookup, PostgreSQL's ceiling on this machine. It
 * reports; it does not fail on a missed target.
 */
@Tag("bench")
class PagesBenchmark {

    static final int PROCEDURES = Bench.size("bench.procedures", 10_000, 40);
    static final int ORGANIZATIONS = Bench.size("bench.organizations", 2_000, 20);
    static final int CLIENTS = 20;
    /** Page fetches per user: warm-up (untimed), then measured. */
    static final int WARM_UP = Bench.size("bench.warm-up", 40, 3);
    static final int PER_CLIENT = Bench.size("bench.per-client", 300, 10);
    static final long SEED = 20_261_207L;
    static final double TARGET_P95_MS = 200;

    @Test
    void everyWalkedPageAtTwentySignedInUsers() throws Exception {
        Path out = Bench.out();
        Files.createDirectories(out);
        // A data directory of its own (throw-away database, but the platform's lock file and keys live there): the
        // shared /tmp one may be held by another test run on this machine.
        Path dataDir = out.resolve(Bench.reportName("pages-data"));
        Bench.deleteRecursively(dataDir);
        List<String> args = List.of("--server.port=0", "--openetp.data-dir=" + dataDir, "--db-scheduler.enabled=false", "--logging.level.root=WARN",
                "--spring.datasource.hikari.maximum-pool-size=" + (CLIENTS + 4), "--openetp.demo-data=true",
                "--openetp.operator.email=" + PageSessions.OPERATOR,
                "--openetp.operator.password=" + PageSessions.OPERATOR_PASSWORD);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenEtpApplication.class)
                .run(args.toArray(String[]::new))) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("machine", Bench.machine(jdbc));
            report.put("load_seconds", load(app.getBean(DataSource.class), jdbc, app.getBean(CatalogueIndex.class)));
            report.put("dataset", Map.of("procedures", count(jdbc, "procedure"), "lots", count(jdbc, "lot"),
                    "organizations", count(jdbc, "organization")));
            report.put("primary_key_at_" + CLIENTS, primaryKey(jdbc));

            PageSessions sessions = new PageSessions(
                    Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            Map<String, List<String>> pages = sessions.discover();
            List<PageSessions.Session> users = sessions.signIn(CLIENTS);
            List<String> labels = plan(users, pages, PER_CLIENT);
            List<String> warmUp = plan(users, pages, WARM_UP);
            System.out.println("bench: pages warm-up...");
            Timings.run(CLIENTS, WARM_UP, n -> fetch(users.get(n / WARM_UP), warmUp.get(n)));
            System.out.println("bench: pages...");
            Timings timings = Timings.run(CLIENTS, PER_CLIENT, n -> fetch(users.get(n / PER_CLIENT), labels.get(n)));
            report.put("pages_all", timings.summary());
            Map<String, Object> byPage = new LinkedHashMap<>();
            for (String label : labels.stream().distinct().sorted().toList()) {
                byPage.put(label, timings.summaryOf(IntStream.range(0, labels.size())
                        .filter(i -> label.equals(labels.get(i))).boxed().toList()));
            }
            report.put("pages", byPage);
            report.put("load_average_at_end", Bench.loadAverage());
            Path written = new PagesReport(out, report, TARGET_P95_MS).write();

            assertThat(written).exists();
            assertThat(pages).as("pages per role").allSatisfy((role, list) -> assertThat(list).hasSizeGreaterThan(3));
        }
    }

    /**
     * What each fetch asks for, as "role page": client {@code c}'s {@code i}-th fetch is its role's pages in turn,
     * each client starting at another page.
     */
    private static List<String> plan(List<PageSessions.Session> users, Map<String, List<String>> pages,
            int perClient) {
        List<String> plan = new ArrayList<>();
        for (int c = 0; c < users.size(); c++) {
            List<String> of = pages.get(users.get(c).role());
            for (int i = 0; i < perClient; i++) {
                plan.add(users.get(c).role() + " " + of.get((i + c) % of.size()));
            }
        }
        return plan;
    }

    private static Runnable fetch(PageSessions.Session user, String label) {
        String page = label.substring(label.indexOf(' ') + 1);
        return () -> user.get(page);
    }

    static Map<String, Object> load(DataSource dataSource, JdbcClient jdbc, CatalogueIndex index)
            throws Exception {
        long start = System.nanoTime();
        List<SyntheticData.Region> regions = jdbc.sql("SELECT code, name_ru, name_en, name_th FROM classifier_region "
                + "ORDER BY code").query((rs, n) -> new SyntheticData.Region(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4))).list();
        SyntheticData data = new SyntheticData(SEED, ORGANIZATIONS, regions, Instant.parse("2027-01-01T00:00:00Z"));
        System.out.println("bench: loading procedures...");
        try (Connection c = dataSource.getConnection()) {
            SyntheticData.copy(c, SyntheticData.ORGANIZATION, data.organizationRows(0, ORGANIZATIONS));
            for (int from = 0; from < PROCEDURES; from += 5_000) {
                SyntheticData.Batch batch = data.procedureRows(from, Math.min(PROCEDURES, from + 5_000));
                SyntheticData.copy(c, SyntheticData.PROCEDURE, batch.procedures());
                SyntheticData.copy(c, SyntheticData.LOT, batch.lots());
            }
        }
        index.rebuild();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM (ANALYZE) organization, procedure, lot, procedure_search");
        }
        return Map.of("total", Bench.round((System.nanoTime() - start) / 1e9));
    }

    /** The same run's primary-key lookup at 20 clients: what the database alone costs on this machine now. */
    private static Map<String, Object> primaryKey(JdbcClient jdbc) throws Exception {
        List<UUID> ids = jdbc.sql("SELECT id FROM procedure ORDER BY md5(id::text) LIMIT 5000").query(UUID.class)
                .list();
        int perClient = Bench.SMOKE ? 5 : 3_000 / CLIENTS + 100;
        return Timings.run(CLIENTS, perClient, i -> () -> jdbc.sql(
                "SELECT id, title, status FROM procedure WHERE id = :id").param("id", ids.get(i % ids.size()))
                .query().listOfRows()).summary();
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
