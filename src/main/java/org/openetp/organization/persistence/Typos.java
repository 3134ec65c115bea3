package org.openetp.organization.persistence;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words of organization names a typo away from each search word of 5+ letters (from {@code
 * organization_name_word}), as a tsquery text per word: {@code 'northern' | 'nordern'}. {@link #NONE} when typos are
 * not forgiven. A word with no near word keeps only its stemmed condition.
 */
record Typos(Map<String, List<String>> near) {

    static final Typos NONE = new Typos(Map.of());

    /** The name words are split at spaces and ASCII punctuation; this keeps the quoted tsquery text well formed. */
    private static final Pattern QUOTABLE = Pattern.compile("[^'\\\\\\s]+");

    /** The tsquery text matching any name word near {@code word}, or null when there is none. */
    @Nullable String query(String word) {
        List<String> words = near.getOrDefault(word, List.of()).stream()
                .filter(w -> QUOTABLE.matcher(w).matches()).toList();
        return words.isEmpty() ? null
                : String.join(" | ", words.stream().map(w -> "'" + w + "'").toList());
    }
}
