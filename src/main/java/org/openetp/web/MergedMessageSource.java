package org.openetp.web;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Spring's resource-bundle messages with every configured base name merged into one map per locale (page speed, issue
 * 16). {@link ResourceBundleMessageSource} looks a code up in each base name in turn, about 25 of them here, so a key
 * of the last bundle (or one a page asks for and nobody has: every validation code but the last) costs a walk over
 * all of them and their parents, for each of the hundreds of texts a page shows.
 * <p>
 * The merge keeps what the plain source answers: a code's text comes from the first base name (in the configured
 * order) whose bundle for the locale knows it, from that bundle's most specific file (th, else the default file); a
 * code nobody knows resolves to nothing, so the default message, the parent source, the common messages and
 * {@code use-code-as-default-message} apply as before. A locale's map is built on its first use (the supported
 * languages at start-up, {@link #merge(Iterable)}) and kept, as the bundles themselves are kept; with a cache duration
 * configured (bundles reloaded), nothing is merged and the plain lookup applies.
 */
public class MergedMessageSource extends ResourceBundleMessageSource {

    private final ConcurrentMap<Locale, Map<String, String>> texts = new ConcurrentHashMap<>();
    private final ConcurrentMap<Locale, ConcurrentMap<String, MessageFormat>> formats = new ConcurrentHashMap<>();

    /** Builds the maps of these locales now, so that no request waits for a merge. */
    public void merge(Iterable<Locale> locales) {
        if (merging()) {
            locales.forEach(this::textsOf);
        }
    }

    @Override
    protected @Nullable String resolveCodeWithoutArguments(String code, Locale locale) {
        return merging() ? textsOf(locale).get(code) : super.resolveCodeWithoutArguments(code, locale);
    }

    @Override
    protected @Nullable MessageFormat resolveCode(String code, Locale locale) {
        if (!merging()) {
            return super.resolveCode(code, locale);
        }
        String text = textsOf(locale).get(code);
        if (text == null) {
            return null;
        }
        // One format per code and locale, as the plain source caches them per bundle (formatting is synchronized
        // on it by AbstractMessageSource).
        return formats.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(code, c -> createMessageFormat(text, locale));
    }

    /** Bundles reloaded after a cache duration could change under a merged map; only kept bundles are merged. */
    private boolean merging() {
        return getCacheMillis() < 0;
    }

    private Map<String, String> textsOf(Locale locale) {
        return texts.computeIfAbsent(locale, this::mergedOf);
    }

    private Map<String, String> mergedOf(Locale locale) {
        Map<String, String> merged = new HashMap<>();
        for (String basename : getBasenameSet()) {
            ResourceBundle bundle = getResourceBundle(basename, locale);
            if (bundle == null) {
                continue;
            }
            // keySet() includes the parent's (default file's) keys; getString answers from the most specific file.
            for (String key : bundle.keySet()) {
                merged.computeIfAbsent(key, bundle::getString);
            }
        }
        return Map.copyOf(merged);
    }
}
