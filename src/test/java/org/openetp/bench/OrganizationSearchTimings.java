package org.openetp.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.openetp.bench.SyntheticData.Region;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationSearch;
import org.openetp.organization.OrganizationSearchRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Organization search (issue 19 items 3 and 5) inside the catalogue benchmark, on its 650,000 organizations (2,000 at
 * smoke scale): a word of the name in each language, the first digits of a tax id, a category with a region, a word
 * with a typo and a word with facets, as a buyer looking for suppliers sends them ({@link OrganizationSearch}, the code behind {@code GET
 * /api/v1/organizations}). The synthetic organizations offer no categories, so each is given one first (once: a
 * reused data set keeps them).
 */
final class OrganizationSearchTimings {

    enum Shape {
        NAME_WORD("name word"),
        THAI_NAME("Thai name substring"),
        TAX_ID_PREFIX("tax id, first 6 digits"),
        CATEGORY_REGION("category + region"),
        TYPO("name word with a typo"),
        WORD_FACETS("name word, with facets");

        final String label;

        Shape(String label) {
            this.label = label;
        }
    }

    private static final List<String> WORDS = List.of("больница", "школа", "ресурс", "альянс", "стандарт",
            "systems", "trading", "logistics", "engineering", "pacific");
    /** Words a letter away from the names' words, which match nothing as typed (so the typo search runs). */
    private static final List<String> TYPOS = List.of("больнца", "стандрт", "logistcs", "engineerng", "pacfic");
    private static final List<String> THAI = List.of("สยาม", "เจริญ", "พัฒนา", "โรงพยาบาล", "วิศวกรรม");

    /** A buyer who belongs to no organization: it sees what every buyer sees, the accredited ones. */
    private static final CurrentUser BUYER = new CurrentUser(new UserId(new UUID(0xBE4C, 1)), "bench@openetp.local",
            "Bench", false, null);

    private final OrganizationSearch search;
    private final List<Region> regions;

    OrganizationSearchTimings(OrganizationSearch search, List<Region> regions) {
        this.search = search;
        this.regions = regions;
    }

    /** Gives every organization without one an offered category of the classifier's classes (seconds at full size). */
    static void offerCategories(JdbcClient jdbc) {
        jdbc.sql("""
                INSERT INTO organization_category (organization_id, direction, code)
                SELECT o.id, 'OFFERED', c.codes[1 + mod(abs(hashtext(o.id::text)), c.n)]
                FROM organization o
                CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes, count(*)::int AS n
                            FROM classifier_category WHERE code ~ '^[0-9]{2}\\.[0-9]$') c
                WHERE NOT EXISTS (SELECT 1 FROM organization_category x WHERE x.organization_id = o.id)
                """).update();
        jdbc.sql("ANALYZE organization_category").update();
        jdbc.sql("ANALYZE organization").update();
    }

    Map<String, Object> measure(int warmUp, int single, int clients, int perClient) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Shape shape : Shape.values()) {
            List<OrganizationSearchRequest> queries = queries(shape, warmUp + single + clients * perClient);
            Timings.run(clients, Math.max(1, warmUp / clients), i -> call(queries.get(i % queries.size())));
            Map<String, Object> runs = new LinkedHashMap<>();
            runs.put("clients_1", Timings.run(1, single, i -> call(queries.get(warmUp + i))).summary());
            runs.put("clients_" + clients, Timings.run(clients, perClient,
                    i -> call(queries.get(warmUp + single + i))).summary());
            runs.put("example", queries.getFirst());
            result.put(shape.label, runs);
        }
        return result;
    }

    private Runnable call(OrganizationSearchRequest request) {
        return () -> search.search(BUYER, request);
    }

    private List<OrganizationSearchRequest> queries(Shape shape, int count) {
        SplittableRandom r = new SplittableRandom(CatalogueBenchmark.SEED + 101L * shape.ordinal());
        List<Region> ru = regions.stream().filter(x -> x.code().startsWith("RU-")).toList();
        List<OrganizationSearchRequest> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queries.add(switch (shape) {
                case NAME_WORD -> OrganizationSearchRequest.words(WORDS.get(r.nextInt(WORDS.size())), 20);
                case THAI_NAME -> OrganizationSearchRequest.words(THAI.get(r.nextInt(THAI.size())), 20);
                // Russian synthetic tax ids are 77 and eight digits: six digits leave about a hundred candidates.
                case TAX_ID_PREFIX -> OrganizationSearchRequest.words(String.format("77%04d", r.nextInt(10_000)), 20);
                case CATEGORY_REGION -> new OrganizationSearchRequest(null,
                        List.of(ru.get(r.nextInt(ru.size())).code()),
                        List.of(SyntheticData.PRODUCTS.get(r.nextInt(SyntheticData.PRODUCTS.size())).code()
                                .substring(0, 2)), null, null, "20", null, null);
                case TYPO -> OrganizationSearchRequest.words(TYPOS.get(r.nextInt(TYPOS.size())), 20);
                case WORD_FACETS -> new OrganizationSearchRequest(WORDS.get(r.nextInt(WORDS.size())), null, null,
                        null, null, "20", null, "true");
            });
        }
        return queries;
    }
}
