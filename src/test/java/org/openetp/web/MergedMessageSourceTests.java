package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The merged message source answers what Spring's plain resource-bundle source answers for the same base names: the
 * first base name that knows a code wins, a language file falls back to its default file, unknown codes fall to the
 * default message or the code, arguments are formatted alike.
 */
class MergedMessageSourceTests {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"),
            Locale.forLanguageTag("th"));
    private static final Object[] ARGS = {"A", 1_234, "C"};
    private static final Object[] NUMBERS = {1_234, 5, 7};

    @Test
    void everyKeyOfTheApplicationsBundlesResolvesToTheSameTextAsTheUnmergedSource() throws IOException {
        String[] basenames = applicationBasenames();
        assertThat(basenames).as("spring.messages.basename").hasSizeGreaterThan(20);
        MergedMessageSource merged = configured(new MergedMessageSource(), basenames);
        merged.merge(LANGUAGES);
        ResourceBundleMessageSource plain = configured(new ResourceBundleMessageSource(), basenames);
        Set<String> keys = allKeys();
        assertThat(keys).hasSizeGreaterThan(1_000);
        List<String> differing = new ArrayList<>();
        for (Locale locale : LANGUAGES) {
            for (String key : keys) {
                for (Object[] args : new Object[][] {null, ARGS, NUMBERS}) {
                    String expected = outcome(plain, key, args, locale);
                    String actual = outcome(merged, key, args, locale);
                    if (!expected.equals(actual)) {
                        differing.add(locale + " " + key + ": " + actual + " instead of " + expected);
                    }
                }
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void theFirstBaseNameThatKnowsACodeWinsAndALanguageFallsBackToItsDefaultFile() {
        MergedMessageSource merged = configured(new MergedMessageSource(), "mergetest/first", "mergetest/second");
        ResourceBundleMessageSource plain = configured(new ResourceBundleMessageSource(), "mergetest/first",
                "mergetest/second");
        Locale ru = Locale.forLanguageTag("ru");
        Locale th = Locale.forLanguageTag("th");

        assertThat(merged.getMessage("shared", null, ru)).isEqualTo("Первый");
        // first has no Thai file: its default file still comes before second's Thai one, as in the plain source.
        assertThat(merged.getMessage("shared", null, th)).isEqualTo("First default");
        assertThat(merged.getMessage("second.only", null, th)).isEqualTo("ที่สอง");
        assertThat(merged.getMessage("second.only", null, ru)).isEqualTo("Second only default");
        assertThat(merged.getMessage("first.only", null, th)).isEqualTo("First only default");
        assertThat(merged.getMessage("with.args", new Object[] {"Ann", 5}, ru)).isEqualTo("Привет Ann, долг 5");
        assertThat(merged.getMessage("quoted", new Object[] {"here"}, Locale.ENGLISH)).isEqualTo("It's here");
        assertThat(merged.getMessage("quoted", null, Locale.ENGLISH)).isEqualTo("It''s {0}");
        assertThat(merged.getMessage("thai.only", null, "default", ru)).isEqualTo("default");
        assertThatThrownBy(() -> merged.getMessage("nobody.knows", null, th))
                .isInstanceOf(NoSuchMessageException.class);
        // A resolvable's codes are tried in order; the first one known answers.
        DefaultMessageSourceResolvable codes = new DefaultMessageSourceResolvable(
                new String[] {"nobody.knows", "thai.only", "shared"}, "default");
        assertThat(merged.getMessage(codes, th)).isEqualTo("เฉพาะไทย").isEqualTo(plain.getMessage(codes, th));
        assertThat(merged.getMessage(codes, ru)).isEqualTo("Первый").isEqualTo(plain.getMessage(codes, ru));

        merged.setUseCodeAsDefaultMessage(true);
        assertThat(merged.getMessage("nobody.knows", null, th)).isEqualTo("nobody.knows");
    }

    @Test
    void theApplicationsMessageSourceIsTheMergedOneWithTheConfiguredSettings() {
        new ApplicationContextRunner().withUserConfiguration(MessageSourceConfiguration.class)
                .withPropertyValues("spring.messages.basename=mergetest/first, mergetest/second",
                        "spring.messages.use-code-as-default-message=true")
                .run(context -> {
                    MessageSource messages = context.getBean("messageSource", MessageSource.class);
                    assertThat(messages).isInstanceOf(MergedMessageSource.class);
                    assertThat(messages.getMessage("second.only", null, Locale.forLanguageTag("th")))
                            .isEqualTo("ที่สอง");
                    assertThat(messages.getMessage("nobody.knows", null, Locale.ENGLISH)).isEqualTo("nobody.knows");
                });
    }

    /** The text, or what went wrong (a {0,number} given a text argument fails alike in both). */
    private static String outcome(MessageSource source, String key, Object[] args, Locale locale) {
        try {
            return source.getMessage(key, args, "(none)", locale);
        } catch (IllegalArgumentException e) {
            return "fails: " + e.getMessage();
        }
    }

    private static <T extends ResourceBundleMessageSource> T configured(T source, String... basenames) {
        source.setBasenames(basenames);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /** The base names exactly as application.yml lists them (others append to the list). */
    private static String[] applicationBasenames() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        assertThat(properties).isNotNull();
        return properties.getProperty("spring.messages.basename").split("\\s*,\\s*");
    }

    private static Set<String> allKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            Properties properties = new Properties();
            try (var in = new java.io.InputStreamReader(resource.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            keys.addAll(properties.stringPropertyNames());
        }
        keys.add("no.such.key.anywhere");
        return keys;
    }
}
