package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three languages (SPEC: en, ru, th): every message has its Russian and Thai text, and no translation dangles. */
class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages", "identifiers", "catalogue", "documents", "notifications", "signatures",
            "ledger", "billing", "auctions", "crm", "contracts", "access", "input", "loyalty", "opendata"})
    void everyKeyIsTranslatedIntoRussianAndThai(String bundle) throws IOException {
        Set<String> english = keys(bundle + ".properties");
        assertThat(english).as(bundle).isNotEmpty();
        for (String language : new String[] {"ru", "th"}) {
            Set<String> translated = keys(bundle + "_" + language + ".properties");
            assertThat(new TreeSet<>(english)).as("%s_%s lacks", bundle, language).isSubsetOf(translated);
            assertThat(new TreeSet<>(translated)).as("%s_%s has keys English lacks", bundle, language)
                    .isSubsetOf(english);
        }
    }

    /**
     * A key given twice in one file keeps only its last text: the contracts list once showed "Not possible while the
     * contract is {0}." as its Status column header, a later error message of the same key.
     */
    @ParameterizedTest
    @ValueSource(strings = {"messages", "identifiers", "catalogue", "documents", "notifications", "signatures",
            "ledger", "billing", "auctions", "crm", "contracts", "access", "input", "loyalty", "opendata"})
    void noKeyIsGivenTwiceInAFile(String bundle) throws IOException {
        for (String file : new String[] {bundle + ".properties", bundle + "_ru.properties", bundle + "_th.properties"}) {
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            Properties counting = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    if (!seen.add((String) key)) {
                        twice.add((String) key);
                    }
                    return super.put(key, value);
                }
            };
            try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + file)) {
                assertThat(in).as(file).isNotNull();
                counting.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(twice).as("keys given twice in %s", file).isEmpty();
        }
    }

    private static Set<String> keys(String file) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.stringPropertyNames();
        }
    }
}
