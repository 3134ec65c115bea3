package org.openetp.procurement.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Category;
import org.openetp.classifier.Classifier;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the catalogue's search documents ({@code procedure_search}) in step with the procedures. The repository
 * calls it in the transaction that stores a procedure, so the catalogue changes exactly when the procedure does.
 */
@Component
public class CatalogueIndex {

    /**
     * Builds the documents of the procedures the condition selects from the procedures and their lots. One statement
     * serves a single procedure and a full rebuild. {@code :tree} maps each category code to itself and its ancestors;
     * it is unpacked once (MATERIALIZED), not once per procedure.
     */
    private static final String UPSERT = """
            WITH ancestry AS MATERIALIZED (
                SELECT t.key AS code, ARRAY(SELECT jsonb_array_elements_text(t.value)) AS codes
                FROM jsonb_each(CAST(:tree AS jsonb)) t
            )
            INSERT INTO procedure_search (procedure_id, organization_id, title, kind, status, currency,
                submission_deadline, published_at, min_price, max_price, lot_prices, categories, lot_categories,
                regions, region_categories, document, headline, thai_text)
            SELECT p.id, p.organization_id, p.title, p.kind, p.status, p.currency, p.submission_deadline,
                   p.published_at, l.min_price, l.max_price, l.prices, l.categories, l.lot_categories, l.regions,
                   ARRAY(SELECT r || '/' || c FROM unnest(l.regions) r CROSS JOIN unnest(l.categories) c),
                   h.headline || setweight(to_tsvector('russian', p.description), 'C'), h.headline,
                   -- ก-๛ spans the Thai letters, vowels, tone marks and digits (U+0E01 to U+0E5B).
                   CASE WHEN t.text ~ '[ก-๛]' THEN lower(t.text) ELSE '' END
            FROM procedure p
            CROSS JOIN LATERAL (
                SELECT min(x.start_price) AS min_price, max(x.start_price) AS max_price,
                       array_agg(x.start_price ORDER BY x.number) AS prices,
                       string_agg(x.title, ' ' ORDER BY x.number) AS titles,
                       array_agg(DISTINCT x.category_code::text) AS lot_categories,
                       array_remove(array_agg(DISTINCT x.delivery_region::text), NULL) AS regions,
                       ARRAY(SELECT DISTINCT c
                             FROM lot y
                             LEFT JOIN ancestry a ON a.code = y.category_code
                             CROSS JOIN unnest(COALESCE(a.codes, ARRAY[y.category_code::text])) c
                             WHERE y.procedure_id = p.id) AS categories
                FROM lot x
                WHERE x.procedure_id = p.id
            ) l
            CROSS JOIN LATERAL (
                SELECT setweight(to_tsvector('russian', p.title), 'A')
                           || setweight(to_tsvector('russian', l.titles), 'B') AS headline
            ) h
            CROSS JOIN LATERAL (SELECT p.title || ' ' || l.titles || ' ' || p.description AS text) t
            -- Never-published procedures (drafts, and drafts cancelled before publication) stay out, and so do
            -- closed tenders, which are by invitation only.
            WHERE p.published_at IS NOT NULL AND p.status <> 'DRAFT' AND p.kind NOT IN (%s)
              AND NOT COALESCE((p.settings ->> 'invitedOnly')::boolean, FALSE)
              AND l.min_price IS NOT NULL AND %s
            ON CONFLICT (procedure_id) DO UPDATE SET
                organization_id = EXCLUDED.organization_id, title = EXCLUDED.title, kind = EXCLUDED.kind, status = EXCLUDED.status, currency = EXCLUDED.currency,
                submission_deadline = EXCLUDED.submission_deadline, published_at = EXCLUDED.published_at,
                min_price = EXCLUDED.min_price, max_price = EXCLUDED.max_price, lot_prices = EXCLUDED.lot_prices,
                categories = EXCLUDED.categories, lot_categories = EXCLUDED.lot_categories,
                regions = EXCLUDED.regions, region_categories = EXCLUDED.region_categories,
                document = EXCLUDED.document,
                headline = EXCLUDED.headline, thai_text = EXCLUDED.thai_text
            """;

    /** The kinds seen by invited organizations only, as SQL literals. */
    private static final String BY_INVITATION = java.util.Arrays.stream(ProcedureKind.values())
            .filter(k -> !k.openToAll()).map(k -> "'" + k.name() + "'").collect(java.util.stream.Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final Classifier classifier;
    private final CatalogueChanges changes;
    private final JsonMapper json = JsonMapper.shared();

    CatalogueIndex(JdbcClient jdbc, Classifier classifier, CatalogueChanges changes) {
        this.jdbc = jdbc;
        this.classifier = classifier;
        this.changes = changes;
    }

    /** Writes the procedure's search document once it is public; drafts and closed tenders are skipped. */
    public void index(Procedure procedure) {
        if (procedure.status() == ProcedureStatus.DRAFT || !procedure.kind().openToAll()
                || procedure.settings().invitedOnly()) {
            return;
        }
        List<String> codes = procedure.lots().stream().map(Lot::categoryCode).distinct().toList();
        jdbc.sql(UPSERT.formatted(BY_INVITATION, "p.id = :id"))
                .param("tree", json.writeValueAsString(ancestry(codes)))
                .param("id", procedure.id().value())
                .update();
        // Every save of a public procedure may change a listing (publication, amendment, cancellation, the end of
        // submission, an award): the cached pages go, on every node.
        changes.changed();
    }

    /** Rebuilds every search document from the procedures (after a bulk load); returns how many were written. */
    public int rebuild() {
        int written = jdbc.sql(UPSERT.formatted(BY_INVITATION, "TRUE"))
                .param("tree", json.writeValueAsString(ancestry(null)))
                .update();
        changes.changed();
        return written;
    }

    /** Each code (every code of the tree when null) with its ancestors, nearest first. */
    private Map<String, List<String>> ancestry(@Nullable Collection<String> codes) {
        List<Category> tree = classifier.all(Locale.ROOT);
        Map<String, String> parents = new HashMap<>();
        tree.stream().filter(c -> c.parentCode() != null).forEach(c -> parents.put(c.code(), c.parentCode()));
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String code : codes == null ? tree.stream().map(Category::code).toList() : codes) {
            List<String> chain = new ArrayList<>();
            for (String c = code; c != null; c = parents.get(c)) {
                chain.add(c);
            }
            result.put(code, chain);
        }
        return result;
    }
}
