package org.openetp.classifier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The names of category and region codes in the reader's language, for pages that hold only the code (UI.md: names,
 * not ids): {@code ${@classifierNames.region(lot.deliveryRegion())}} shows "Moscow", "Москва" or "มอสโก" for
 * {@code RU-MOW}. An unknown code is shown as it is. The two small tables are kept in memory per language; a category
 * added on this node is seen at once, one added on another node within a minute.
 */
@Component
public class ClassifierNames {

    private static final Duration FRESH = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Cache<String, Map<String, String>> names = Caffeine.newBuilder().expireAfterWrite(FRESH).build();

    ClassifierNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The category's name in the current request's language, e.g. "Computers and peripheral equipment". */
    public String category(@Nullable String code) {
        return name("classifier_category", code);
    }

    /** The region's name in the current request's language, e.g. "Moscow". */
    public String region(@Nullable String code) {
        return name("classifier_region", code);
    }

    /** The category's code and name, for a page where both help (the code is what searches and the API take). */
    public String categoryWithCode(@Nullable String code) {
        String name = category(code);
        return code == null || name.equals(code) ? name : code + " " + name;
    }

    /** The country's name in the current request's language for its ISO 3166-1 code, e.g. "Russia" for RU. */
    public String country(@Nullable String code) {
        if (code == null || !code.matches("[A-Z]{2}")) {
            return code == null ? "" : code;
        }
        String name = Locale.of("", code).getDisplayCountry(LocaleContextHolder.getLocale());
        return name.isEmpty() ? code : name;
    }

    void forget() {
        names.invalidateAll();
    }

    private String name(String table, @Nullable String code) {
        if (code == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String column = switch (locale.getLanguage()) {
            case "ru" -> "name_ru";
            case "th" -> "name_th";
            default -> "name_en";
        };
        Map<String, String> byCode = names.get(table + "/" + column, k -> load(table, column));
        return byCode.getOrDefault(code, code);
    }

    // The table and column come from the fixed names above, never from input.
    private Map<String, String> load(String table, String column) {
        Map<String, String> byCode = new HashMap<>();
        jdbc.sql("SELECT code, " + column + " FROM " + table)
                .query(rs -> {
                    byCode.put(rs.getString(1), rs.getString(2));
                });
        return Map.copyOf(byCode);
    }
}
