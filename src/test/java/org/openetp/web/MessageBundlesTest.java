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

    private static Set<String> keys(String file) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.stringPropertyNames();
        }
    }
}
