package org.openetp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openetp.OpenEtpApplication;
import org.openetp.bench.CatalogueShapes.BenchQuery;
import org.openetp.bench.CatalogueShapes.Shape;
import org.openetp.bench.SyntheticData.Language;
import org.openetp.bench.SyntheticData.Region;
import org.openetp.organization.OrganizationSearch;
import org.openetp.procurement.catalogue.Catalogue;
import org.openetp.procurement.catalogue.CatalogueIndex;
import org.openetp.procurement.catalogue.CatalogueSearch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue benchmark of SPEC §13 ({@code ./mvnw -Pbench verify}; at smoke scale in every {@code ./mvnw verify},
 * see {@link Bench}): starts the platform on an embedded PostgreSQL, loads 760,000 procedures with 1–3 lots each and
 * 650,000 organizations of synthetic Russian, English and Thai text with COPY (or reuses the data a previous run
 * loaded through the same schema, {@link DataSetCache}), builds the search documents and indexes, measures
 * PostgreSQL's own ceiling on this machine (a primary-key lookup), then runs each search shape of issue 19 through
 * {@link Catalogue#search} — the code behind {@code GET /api/v1/procedures} — at 1 and 20 concurrent clients. The
 * figures and the machine facts go to {@code target/bench/catalogue-search.md} and {@code .json}. It reports; it
 * does not fail on a missed target (SPEC: p95 ≤ 100 ms).
 */
@Tag("bench")
class CatalogueBenchmark {

    static final int PROCEDURES = Bench.size("bench.procedures", 760_000, 3_000);
    static final int ORGANIZATIONS = Bench.size("bench.organizations", 650_000, 2_000);
    static final long SEED = 20_260_601L;
    static final Instant END = Instant.parse("2026-06-01T00:00:00Z");
    static final int CLIENTS = 20;
    /** Warm-up searches per shape, spread over all clients: the JIT and each pooled connection's caches warm up. */
    static final int WARM_UP = Bench.size("bench.warm-up", 200, 20);
    /** Searches per shape with one client, and per client with twenty. */
    static final int SINGLE = Bench.size("bench.single", 200, 3);
    static final int PER_CLIENT = Bench.size("bench.per-client", 20, 1);
    static final double TARGET_P95_MS = 100;

    private final Path out = Bench.out();
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final Map<String, Object> loadSeconds = new LinkedHashMap<>();

    @Test
    void catalogueSearchLatencyAtOneAndTwentyClients() throws Exception {
        Files.createDirectories(out);
        DataSetCache cache = new DataSetCache(out.resolve("catalogue-data"),
                PROCEDURES + "/" + ORGANIZATIONS + "/" + SEED, SyntheticData.class, CatalogueIndex.class);
        boolean reuse = !Bench.SMOKE && cache.reusable();
        // Command-line arguments outrank the test application.properties, which asks for a throw-away database; the
        // smoke run keeps it throw-away.
        // The clients share the application's pool, as requests would; the platform's listeners (live updates, the
        // catalogue's changes) keep a connection each, hence a few more than the clients.
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--db-scheduler.enabled=false",
                "--logging.level.root=WARN", "--spring.datasource.hikari.maximum-pool-size=" + (CLIENTS + 4)));
        if (!Bench.SMOKE) {
            args.addAll(List.of("--openetp.data-dir=" + cache.dataDir(), "--openetp.embedded-db.persistent=true"));
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenEtpApplication.class)
                .run(args.toArray(String[]::new))) {
            DataSource dataSource = app.getBean(DataSource.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Catalogue catalogue = app.getBean(Catalogue.class);

            List<Region> regions = regions(jdbc);
            if (reuse) {
                loadSeconds.put("reused", "the data set of an earlier run (key " + cache.key() + ")"
                        + (Boolean.getBoolean("bench.adopt") ? ", adopted: the migrations it lacked ran at start" : ""));
                cache.loaded();
            } else {
                load(dataSource, jdbc, new SyntheticData(SEED, ORGANIZATIONS, regions, END),
                        app.getBean(CatalogueIndex.class));
                if (!Bench.SMOKE) {
                    cache.loaded();
                }
            }
            report.put("machine", Bench.machine(jdbc));
            report.put("dataset", dataset(jdbc));
            report.put("load_seconds", loadSeconds);
            Map<String, Object> baseline = baseline(jdbc);
            report.put("postgresql_ceiling", baseline);

            CatalogueShapes shapes = new CatalogueShapes(regions);
            Map<String, Object> search = new LinkedHashMap<>();
            AtomicInteger found = new AtomicInteger();
            for (Shape shape : Shape.values()) {
                List<BenchQuery> queries = shapes.of(shape, WARM_UP + SINGLE + CLIENTS * PER_CLIENT);
                search.put(shape.label, measure(catalogue, shape == Shape.DEEP_CURSOR
                        ? atPage50(catalogue, queries) : queries, found));
            }
            report.put("catalogue_search", search);
            OrganizationSearchTimings.offerCategories(jdbc);
            report.put("organization_search", new OrganizationSearchTimings(app.getBean(OrganizationSearch.class),
                    regions).measure(WARM_UP, SINGLE, CLIENTS, PER_CLIENT));
            report.put("cache_hit_rate", Bench.round(catalogue.cacheHitRate()));
            List<UUID> open = jdbc.sql("SELECT procedure_id FROM procedure_search ORDER BY md5(procedure_id::text) "
                    + "LIMIT 2000").query(UUID.class).list();
            report.put("pages", new PageTimings(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")))
                    .measure(shapes.of(Shape.WORD_AND_CATEGORY, WARM_UP + SINGLE + CLIENTS * PER_CLIENT), open,
                            WARM_UP, SINGLE, PER_CLIENT, CLIENTS));
            new CatalogueReport(out, report, TARGET_P95_MS).write();

            assertThat(out.resolve(Bench.reportName("catalogue-search") + ".md")).exists();
            // A benchmark of empty answers would measure nothing: most searches must find something.
            int measured = 2 * Shape.values().length * (SINGLE + CLIENTS * PER_CLIENT);
            assertThat(found.get()).as("searches that found procedures").isGreaterThan(measured / 4);
            assertThat(jdbc.sql("SELECT count(*) FROM procedure_search s JOIN procedure p ON p.id = s.procedure_id "
                    + "WHERE p.status = 'DRAFT' OR p.kind = 'CLOSED_TENDER'").query(Long.class).single()).isZero();
        }
    }

    private static List<Region> regions(JdbcClient jdbc) {
        return jdbc.sql("SELECT code, name_ru, name_en, name_th FROM classifier_region ORDER BY code")
                .query((rs, n) -> new Region(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** A trivial statement and a primary-key lookup at 1 and 20 clients: the ceiling on this machine, this run. */
    private static Map<String, Object> baseline(JdbcClient jdbc) throws Exception {
        Map<String, Object> baseline = new LinkedHashMap<>();
        List<UUID> ids = jdbc.sql("SELECT id FROM procedure ORDER BY md5(id::text) LIMIT 5000").query(UUID.class)
                .list();
        for (int clients : new int[] {1, CLIENTS}) {
            int perClient = Bench.SMOKE ? 5 : 3_000 / clients + 100;
            baseline.put("select_1_at_" + clients, Timings.run(clients, perClient, i ->
                    () -> jdbc.sql("SELECT 1").query(Integer.class).single()).summary());
            baseline.put("primary_key_at_" + clients, Timings.run(clients, perClient, i ->
                    () -> jdbc.sql("SELECT id, title, status FROM procedure WHERE id = :id")
                            .param("id", ids.get(i % ids.size())).query().listOfRows()).summary());
        }
        return baseline;
    }

    /**
     * Warms up with the first searches, then measures the next ones with 1 client, the rest with 20: first computed
     * afresh every time (as if every search were new), then as the catalogue answers them, from its cache of pages
     * when the same search came before and nothing changed since.
     */
    private static Map<String, Object> measure(Catalogue catalogue, List<BenchQuery> queries, AtomicInteger found)
            throws Exception {
        String shape = queries.getFirst().shape();
        System.out.printf("bench: %s...%n", shape);
        // Warm-up through the cache too, so that the cached runs find what a catalogue in use would have kept.
        for (boolean cached : new boolean[] {false, true}) {
            Timings.run(CLIENTS, WARM_UP / CLIENTS, i -> searchOf(catalogue, queries.get(i), new AtomicInteger(),
                    cached));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (boolean cached : new boolean[] {false, true}) {
            String prefix = cached ? "cached_clients_" : "clients_";
            result.put(prefix + 1, timed(catalogue, queries.subList(WARM_UP, WARM_UP + SINGLE), 1, SINGLE,
                    found, cached));
            result.put(prefix + CLIENTS, timed(catalogue, queries.subList(WARM_UP + SINGLE, queries.size()),
                    CLIENTS, PER_CLIENT, found, cached));
        }
        result.put("example", queries.getFirst().search());
        return result;
    }

    /** Each search moved to its 50th page, following the cursors (untimed; the same search is walked once). */
    private static List<BenchQuery> atPage50(Catalogue catalogue, List<BenchQuery> queries) {
        Map<CatalogueSearch, CatalogueSearch> walked = new HashMap<>();
        return queries.stream().map(q -> new BenchQuery(q.shape(), q.language(),
                walked.computeIfAbsent(q.search(), s -> {
                    CatalogueSearch at = s;
                    for (int page = 1; page < 50; page++) {
                        String next = catalogue.searchUncached(at).next();
                        if (next == null) {
                            break;
                        }
                        at = new CatalogueSearch(s.q(), s.category(), s.region(), s.kind(), s.status(), s.currency(),
                                s.priceFrom(), s.priceTo(), s.deadlineFrom(), s.deadlineTo(), s.sort(), null,
                                s.size(), next, null);
                    }
                    return at;
                }))).toList();
    }

    private static Map<String, Object> timed(Catalogue catalogue, List<BenchQuery> queries, int clients,
            int perClient, AtomicInteger found, boolean cached) throws Exception {
        Timings timings = Timings.run(clients, perClient, i -> searchOf(catalogue, queries.get(i), found, cached));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("all", timings.summary());
        for (Language language : Language.values()) {
            List<Integer> of = IntStream.range(0, queries.size())
                    .filter(i -> queries.get(i).language() == language).boxed().toList();
            result.put("in " + language, timings.summaryOf(of));
        }
        return result;
    }

    private static Runnable searchOf(Catalogue catalogue, BenchQuery query, AtomicInteger found, boolean cached) {
        return () -> {
            CatalogueSearch search = query.search();
            if (!(cached ? catalogue.search(search) : catalogue.searchUncached(search)).items().isEmpty()) {
                found.incrementAndGet();
            }
        };
    }

    // ---------------------------------------------------------------- loading

    private void load(DataSource dataSource, JdbcClient jdbc, SyntheticData data, CatalogueIndex index)
            throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            timed("organizations_copy", () -> batches(pool, ORGANIZATIONS, 10_000, (from, to) ->
                    copy(dataSource, SyntheticData.ORGANIZATION, data.organizationRows(from, to))));
            timed("procedures_and_lots_copy", () -> batches(pool, PROCEDURES, 5_000, (from, to) -> {
                SyntheticData.Batch batch = data.procedureRows(from, to);
                try (Connection c = dataSource.getConnection()) {
                    SyntheticData.copy(c, SyntheticData.PROCEDURE, batch.procedures());
                    SyntheticData.copy(c, SyntheticData.LOT, batch.lots());
                }
            }));
        } finally {
            pool.shutdown();
        }
        // Bulk-load practice: write the documents without the search indexes, then build each index once from the
        // definitions the migrations created.
        List<String> indexes = jdbc.sql("SELECT indexname || '|' || indexdef FROM pg_indexes "
                + "WHERE tablename = 'procedure_search' AND indexname <> 'procedure_search_pkey'").query(String.class).list();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String definition : indexes) {
                st.execute("DROP INDEX " + definition.substring(0, definition.indexOf('|')));
            }
        }
        timed("search_documents", () -> loadSeconds.put("search_documents_rows", index.rebuild()));
        timed("search_indexes", () -> {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("SET maintenance_work_mem = '1GB'");
                for (String definition : indexes) {
                    st.execute(definition.substring(definition.indexOf('|') + 1));
                }
            }
        });
        timed("vacuum_analyze", () -> {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("VACUUM (ANALYZE) organization, procedure, lot, procedure_search");
            }
        });
        loadSeconds.put("total", Bench.round((System.nanoTime() - start) / 1e9));
    }

    interface Step {
        void run() throws Exception;
    }

    interface Slice {
        void load(int from, int to) throws Exception;
    }

    private void timed(String name, Step step) throws Exception {
        System.out.printf("bench: %s...%n", name);
        long start = System.nanoTime();
        step.run();
        loadSeconds.put(name, Bench.round((System.nanoTime() - start) / 1e9));
    }

    private static void batches(ExecutorService pool, int total, int size, Slice slice) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int from = 0; from < total; from += size) {
            int f = from;
            futures.add(pool.submit(() -> {
                slice.load(f, Math.min(total, f + size));
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    private static void copy(DataSource dataSource, String table, String rows) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            SyntheticData.copy(c, table, rows);
        }
    }

    private static Map<String, Object> dataset(JdbcClient jdbc) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (String table : List.of("organization", "procedure", "lot", "procedure_search")) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("rows", jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
            t.put("total_mib", jdbc.sql("SELECT pg_total_relation_size(CAST(:t AS regclass)) / 1048576")
                    .param("t", table).query(Long.class).single());
            d.put(table, t);
        }
        d.put("open (PUBLISHED) in procedure_search", jdbc.sql(
                "SELECT count(*) FROM procedure_search WHERE status = 'PUBLISHED'").query(Long.class).single());
        d.put("seed", SEED);
        return d;
    }

    static JsonMapper json() {
        return JsonMapper.builder().build();
    }
}
