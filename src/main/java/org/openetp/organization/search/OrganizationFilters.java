package org.openetp.organization.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.CategorySynonymsChanged;
import org.openetp.classifier.Classifier;
import org.openetp.classifier.Synonyms;
import org.openetp.organization.OrganizationSearchRequest;
import org.openetp.organization.OrganizationStatus;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Validates an organization search as sent, naming every bad parameter at once, and resolves what the classifier
 * knows: the words that name categories (by a synonym or a name in any of en/ru/th, as the procedure catalogue does)
 * and each category filter's subtree.
 */
@Component
public class OrganizationFilters {

    /** Counting and offset paging stop here; past it a narrower search or the cursor is the way on. */
    public static final int CAP = 1_000;
    private static final int DEFAULT_SIZE = 20;
    private static final int MAX_SIZE = 100;
    private static final int MAX_QUERY_LENGTH = 200;
    private static final int MAX_VALUES = 20;
    private static final int MAX_WORDS = 8;
    /** A trigram index has nothing to look up in a shorter Thai term. */
    private static final int MIN_SUBSTRING_LENGTH = 3;

    /**
     * Words the `russian` configuration drops (its stop words, and English ones it shares): each word must match on
     * its own, and a word that parses to nothing matches no name, so "The Northern" would find nothing.
     */
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "of", "for", "a", "an", "to", "in", "on",
            "и", "в", "во", "на", "с", "со", "по", "для", "к", "о", "из", "у", "от", "за");

    private final Classifier classifier;
    private final Synonyms synonyms;
    private final CategoryTree tree;
    /** Looked-up phrases, remembered as the catalogue does (searches repeat) until a synonym changes. */
    private final Cache<List<String>, Map<String, List<String>>> lookups = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    OrganizationFilters(Classifier classifier, Synonyms synonyms, CategoryTree tree) {
        this.classifier = classifier;
        this.synonyms = synonyms;
        this.tree = tree;
    }

    public OrganizationFilter parse(OrganizationSearchRequest in, boolean operator) {
        List<FieldError> errors = new ArrayList<>();
        String q = in.q() == null ? "" : in.q().strip();
        List<String> words = List.of();
        boolean thai = false;
        String taxPrefix = null;
        if (q.length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldError("q", "orgsearch.q.tooLong"));
        } else if (q.replaceAll("[\\s-]", "").matches("[0-9]{3,}")) {
            // Digits alone are a tax id or its first digits (Thai ids are often written with dashes).
            taxPrefix = q.replaceAll("[\\s-]", "");
        } else if (q.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.THAI)) {
            thai = true;
            words = words(q, w -> w.codePointCount(0, w.length()) >= MIN_SUBSTRING_LENGTH);
            if (words.isEmpty()) {
                errors.add(new FieldError("q", "orgsearch.q.tooShort"));
            }
        } else {
            words = words(q, w -> w.codePoints().anyMatch(Character::isLetterOrDigit)
                    && !STOP_WORDS.contains(w.toLowerCase(Locale.ROOT)));
        }
        List<String> regions = values(errors, "region", in.region(), v -> v.toUpperCase(Locale.ROOT));
        if (regions.stream().anyMatch(r -> !r.matches("[A-Z]{2}-[A-Z0-9]{1,3}") || !classifier.regionExists(r))) {
            errors.add(new FieldError("region", "orgsearch.region.unknown"));
        }
        List<String> categories = values(errors, "category", in.category(), v -> v.toUpperCase(Locale.ROOT));
        if (categories.stream().anyMatch(c -> !c.matches("[A-Z0-9][A-Z0-9.]{0,19}"))
                || !classifier.unknownCategories(categories).isEmpty()) {
            errors.add(new FieldError("category", "orgsearch.category.unknown"));
        }
        List<OrganizationStatus> statuses = statuses(errors, in.status(), operator);
        int size = number(errors, "size", in.size(), DEFAULT_SIZE, 1, MAX_SIZE, "orgsearch.size.range");
        int page = number(errors, "page", in.page(), 0, 0, Integer.MAX_VALUE, "orgsearch.page.invalid");
        if ((long) (page + 1) * size > CAP) {
            errors.add(new FieldError("page", "orgsearch.page.tooDeep"));
        }
        SearchCursor cursor = null;
        if (in.cursor() != null && !in.cursor().isBlank()) {
            cursor = in.cursor().length() > 400 ? null : SearchCursor.decode(in.cursor());
            // A ranked search's cursor carries a relevance, a search by name's none: one of the other is not its own.
            if (cursor == null || (cursor.rank() == null) != words.isEmpty()) {
                errors.add(new FieldError("cursor", "orgsearch.cursor.invalid"));
            } else if (page != 0) {
                errors.add(new FieldError("cursor", "orgsearch.cursor.withPage"));
            }
        }
        boolean facets = in.facets() != null && !in.facets().isBlank() && Boolean.parseBoolean(in.facets().strip());
        if (in.facets() != null && !in.facets().isBlank() && !in.facets().strip().matches("(?i)true|false")) {
            errors.add(new FieldError("facets", "orgsearch.facets.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<OrganizationFilter.Named> named = named(words);
        List<String> rest = words.stream().filter(w -> named.stream().noneMatch(n -> List.of(n.words().split(" ")).contains(w))).toList();
        return new OrganizationFilter(rest, thai, named, taxPrefix, regions,
                categories.isEmpty() ? List.of() : tree.withDescendants(categories), statuses, page, size, cursor, q,
                facets);
    }

    /** The words (and pairs of words) that name categories, each with its subtree's codes. */
    private List<OrganizationFilter.Named> named(List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> phrases = new ArrayList<>(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            phrases.add(words.get(i) + " " + words.get(i + 1));
        }
        Map<String, List<String>> found = lookups.get(phrases, synonyms::categoriesNamed);
        List<OrganizationFilter.Named> named = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String pair = i + 1 < words.size() ? words.get(i) + " " + words.get(i + 1) : null;
            // A pair names a category only when neither of its words does alone: a fuzzy match of the pair would
            // otherwise swallow a plain word next to a category's name ("คอมพิวเตอร์ Siam" must still ask for Siam).
            if (pair != null && found.containsKey(pair) && !found.containsKey(words.get(i))
                    && !found.containsKey(words.get(i + 1))) {
                named.add(new OrganizationFilter.Named(pair, tree.withDescendants(found.get(pair))));
                i++;
            } else if (found.containsKey(words.get(i))) {
                named.add(new OrganizationFilter.Named(words.get(i), tree.withDescendants(found.get(words.get(i)))));
            }
        }
        return List.copyOf(named);
    }

    @EventListener
    void on(CategorySynonymsChanged changed) {
        lookups.invalidateAll();
    }

    private static List<String> words(String q, java.util.function.Predicate<String> keep) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : q.split("\\s+")) {
            // Quotes and signs of a search syntax are not part of a name.
            String w = word.replaceAll("^[\"'«(]+|[\"'»),.;:!?]+$", "");
            if (!w.isEmpty() && keep.test(w)) {
                words.add(w);
            }
        }
        return List.copyOf(words).subList(0, Math.min(words.size(), MAX_WORDS));
    }

    private static List<OrganizationStatus> statuses(List<FieldError> errors, @Nullable List<String> given,
            boolean operator) {
        List<OrganizationStatus> statuses = new ArrayList<>();
        for (String value : values(errors, "status", given, v -> v.toUpperCase(Locale.ROOT))) {
            try {
                statuses.add(OrganizationStatus.valueOf(value));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "orgsearch.status.unknown"));
            }
        }
        if (operator) {
            return List.copyOf(statuses);
        }
        // Everyone but the operator sees accredited organizations only; asking for others is a mistake to name.
        if (statuses.stream().anyMatch(s -> s != OrganizationStatus.ACCREDITED)) {
            errors.add(new FieldError("status", "orgsearch.status.operatorOnly"));
        }
        return List.of(OrganizationStatus.ACCREDITED);
    }

    private static List<String> values(List<FieldError> errors, String field, @Nullable List<String> given,
            Function<String, String> normalize) {
        if (given == null) {
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String value : given) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(normalize.apply(part.strip()));
                }
            }
        }
        if (values.size() > MAX_VALUES) {
            errors.add(new FieldError(field, "orgsearch.tooManyValues"));
            return List.of();
        }
        return List.copyOf(values);
    }

    private static int number(List<FieldError> errors, String field, @Nullable String value, int fallback, int min,
            int max, String messageKey) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below like any other number out of range.
        }
        errors.add(new FieldError(field, messageKey));
        return fallback;
    }
}
