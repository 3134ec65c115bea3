package org.openetp.classifier;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.ConflictException;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The classifier module's API: browse and search categories and regions, check codes, extend the tree. */
@Service
public class Classifier {

    /**
     * How long a node keeps the tree and the regions (what the pickers of several pages render on every view): a
     * category added on this node is seen at once, one added on another node within this time, as in
     * {@link ClassifierNames}.
     */
    private static final Duration FRESH = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final ClassifierNames names;
    /** By name column (one per language). */
    private final LoadingCache<String, List<Category>> trees;
    private final LoadingCache<String, List<Region>> regionLists;

    Classifier(JdbcClient jdbc, ClassifierNames names) {
        this.jdbc = jdbc;
        this.names = names;
        this.trees = Caffeine.newBuilder().maximumSize(3).expireAfterWrite(FRESH).build(this::loadTree);
        this.regionLists = Caffeine.newBuilder().maximumSize(3).expireAfterWrite(FRESH).build(this::loadRegions);
    }

    /**
     * Children of {@code parent} (roots when null), or, with a query, every category whose code starts with it
     * or whose name in the language contains it.
     */
    @Transactional(readOnly = true)
    public List<Category> categories(@Nullable String parent, @Nullable String query, Locale locale) {
        String name = nameColumn(locale);
        String select = "SELECT c.code, c." + name + " AS name, c.parent_code, "
                + "NOT EXISTS (SELECT 1 FROM classifier_category k WHERE k.parent_code = c.code) AS leaf "
                + "FROM classifier_category c ";
        JdbcClient.StatementSpec spec;
        if (query != null && !query.isBlank()) {
            spec = jdbc.sql(select + "WHERE c.code LIKE :prefix OR c." + name + " ILIKE :contains "
                    + "ORDER BY c.code LIMIT 200")
                    .param("prefix", escapeLike(query.trim()) + "%")
                    .param("contains", "%" + escapeLike(query.trim()) + "%");
        } else if (parent != null && !parent.isBlank()) {
            spec = jdbc.sql(select + "WHERE c.parent_code = :parent ORDER BY c.code").param("parent", parent);
        } else {
            spec = jdbc.sql(select + "WHERE c.parent_code IS NULL ORDER BY c.code");
        }
        return spec.query((rs, n) -> new Category(rs.getString("code"), rs.getString("name"),
                rs.getString("parent_code"), rs.getBoolean("leaf"))).list();
    }

    /**
     * The whole tree in the language, parents before their children (for pickers; a few hundred rows). Kept a
     * minute (no transaction: one statement, and none at all when kept); the list is unmodifiable.
     */
    public List<Category> all(Locale locale) {
        return trees.get(nameColumn(locale));
    }

    private List<Category> loadTree(String nameColumn) {
        return List.copyOf(jdbc.sql("WITH RECURSIVE tree AS ("
                        + " SELECT code, ARRAY[code]::varchar[] AS path FROM classifier_category"
                        + " WHERE parent_code IS NULL"
                        + " UNION ALL"
                        + " SELECT c.code, t.path || c.code FROM classifier_category c JOIN tree t ON c.parent_code = t.code)"
                        + " SELECT c.code, c." + nameColumn + " AS name, c.parent_code,"
                        + " NOT EXISTS (SELECT 1 FROM classifier_category k WHERE k.parent_code = c.code) AS leaf"
                        + " FROM tree t JOIN classifier_category c ON c.code = t.code ORDER BY t.path")
                .query((rs, n) -> new Category(rs.getString("code"), rs.getString("name"),
                        rs.getString("parent_code"), rs.getBoolean("leaf")))
                .list());
    }

    /** The named categories in the language, in code order; unknown codes are left out. */
    @Transactional(readOnly = true)
    public List<Category> categoriesByCode(Collection<String> codes, Locale locale) {
        if (codes.isEmpty()) {
            return List.of();
        }
        String name = nameColumn(locale);
        return jdbc.sql("SELECT c.code, c." + name + " AS name, c.parent_code, "
                        + "NOT EXISTS (SELECT 1 FROM classifier_category k WHERE k.parent_code = c.code) AS leaf "
                        + "FROM classifier_category c WHERE c.code IN (:codes) ORDER BY c.code")
                .param("codes", codes)
                .query((rs, n) -> new Category(rs.getString("code"), rs.getString("name"),
                        rs.getString("parent_code"), rs.getBoolean("leaf")))
                .list();
    }

    /** Codes among {@code codes} that are not in the tree. */
    @Transactional(readOnly = true)
    public Set<String> unknownCategories(Collection<String> codes) {
        Set<String> unknown = new TreeSet<>(codes);
        if (!unknown.isEmpty()) {
            unknown.removeAll(jdbc.sql("SELECT code FROM classifier_category WHERE code IN (:codes)")
                    .param("codes", codes).query(String.class).list());
        }
        return unknown;
    }

    /** All regions in the language, grouped by country then name; kept a minute, unmodifiable. */
    public List<Region> regions(Locale locale) {
        return regionLists.get(nameColumn(locale));
    }

    private List<Region> loadRegions(String nameColumn) {
        return List.copyOf(jdbc.sql("SELECT code, country, " + nameColumn + " AS name FROM classifier_region "
                        + "ORDER BY country, name")
                .query((rs, n) -> new Region(rs.getString("code"), rs.getString("country"), rs.getString("name")))
                .list());
    }

    /** Whether the region code exists. */
    @Transactional(readOnly = true)
    public boolean regionExists(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM classifier_region WHERE code = :code)")
                .param("code", code).query(Boolean.class).single();
    }

    /** Adds a category to the tree (operator); the parent must exist and the code must be new. */
    @Transactional
    public void addCategory(NewCategory category) {
        List<FieldError> errors = new ArrayList<>();
        if (category.code() == null || !category.code().matches("[A-Z0-9][A-Z0-9.]{0,19}")) {
            errors.add(new FieldError("code", "classifier.code.format"));
        }
        requireName(errors, "nameEn", category.nameEn());
        requireName(errors, "nameRu", category.nameRu());
        requireName(errors, "nameTh", category.nameTh());
        String parent = category.parentCode() == null || category.parentCode().isBlank()
                ? null : category.parentCode().trim();
        if (parent != null && !unknownCategories(List.of(parent)).isEmpty()) {
            errors.add(new FieldError("parentCode", "classifier.parent.unknown"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (unknownCategories(List.of(category.code())).isEmpty()) {
            throw new ConflictException("code", "classifier.code.taken");
        }
        jdbc.sql("""
                INSERT INTO classifier_category (code, parent_code, name_en, name_ru, name_th)
                VALUES (:code, :parent, :en, :ru, :th)
                """)
                .param("code", category.code()).param("parent", parent)
                .param("en", category.nameEn().trim()).param("ru", category.nameRu().trim())
                .param("th", category.nameTh().trim())
                .update();
        names.forget();
        // Again once committed: a page that read the tree meanwhile must not keep the old one for a minute.
        trees.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    trees.invalidateAll();
                }
            });
        }
    }

    private static void requireName(List<FieldError> errors, String field, @Nullable String value) {
        if (value == null || value.isBlank() || value.length() > 500) {
            errors.add(new FieldError(field, "classifier.name.required"));
        }
    }

    // Only three fixed column names can come out of here, so concatenating it into SQL is safe.
    private static String nameColumn(Locale locale) {
        return switch (locale.getLanguage()) {
            case "ru" -> "name_ru";
            case "th" -> "name_th";
            default -> "name_en";
        };
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
