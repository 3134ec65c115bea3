package org.openetp.procurement.catalogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openetp.classifier.CategorySynonymsChanged;
import org.openetp.classifier.Synonyms;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finds the words of a search that name categories ({@link Synonyms}), so that "ноутбуки" also finds the English
 * lot "Laptop" filed under 26.2. Looked-up phrases are remembered (searches repeat) until a synonym changes.
 */
@Component
class NamedCategories {

    private final Synonyms synonyms;
    private final CatalogueChanges changes;
    private final Cache<List<String>, Map<String, List<String>>> lookups = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    NamedCategories(Synonyms synonyms, CatalogueChanges changes) {
        this.synonyms = synonyms;
        this.changes = changes;
    }

    /** The filter with the words that name categories marked; searches with operators are taken literally. */
    SearchFilter name(SearchFilter filter) {
        List<String> words = words(filter);
        if (words.isEmpty()) {
            return filter;
        }
        // Numbers and signs never name a category, but they stay in the search.
        List<String> phrases = new ArrayList<>(words.stream().filter(NamedCategories::hasLetters).toList());
        for (int i = 0; i + 1 < words.size(); i++) {
            if (hasLetters(words.get(i)) && hasLetters(words.get(i + 1))) {
                phrases.add(words.get(i) + " " + words.get(i + 1));
            }
        }
        Map<String, List<String>> named = lookups.get(phrases, synonyms::categoriesNamed);
        if (named.isEmpty()) {
            return filter;
        }
        List<NamedTerm> terms = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String pair = i + 1 < words.size() ? words.get(i) + " " + words.get(i + 1) : null;
            if (pair != null && named.containsKey(pair)) {
                terms.add(new NamedTerm(pair, named.get(pair)));
                i++;
            } else if (named.containsKey(words.get(i))) {
                terms.add(new NamedTerm(words.get(i), named.get(words.get(i))));
            } else {
                rest.add(words.get(i));
            }
        }
        return filter.named(terms, rest);
    }

    private static List<String> words(SearchFilter filter) {
        if (!filter.substringTerms().isEmpty()) {
            return filter.substringTerms();
        }
        String text = filter.fullText();
        if (text == null || text.contains("\"")) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            // "or" and "-word" are operators of the search: such a query means exactly what it says.
            if (word.startsWith("-") || word.toLowerCase(Locale.ROOT).equals("or")) {
                return List.of();
            }
            words.add(word);
        }
        return words.size() > 8 ? List.of() : words;
    }

    private static boolean hasLetters(String word) {
        return word.codePoints().anyMatch(Character::isLetter);
    }

    @EventListener
    void on(CategorySynonymsChanged changed) {
        lookups.invalidateAll();
        changes.changed();
    }
}
