package org.openetp.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openetp.shared.JournaledEvent;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every action any {@link JournaledEvent} can journal has a label in the audit bundle in English, Russian and Thai,
 * so a new event cannot reach the operator's journal unnamed. The codes are read from each event's {@code action()}
 * source: its string literals, and for a code built from a prefix and a value, the values listed here.
 */
class AuditActionLabelsTest {

    /** Codes built as prefix + value: the values the publishers use (a new one must be named here and labelled). */
    private static final Map<String, List<String>> BUILT = Map.of(
            "LEDGER_", List.of("TOP_UP", "CHARGE", "BLOCK", "RELEASE", "FORFEIT", "CREDIT"),
            "FREE_PARTICIPATION_RULE_", List.of("CREATED", "CHANGED", "REMOVED"));
    private static final Pattern ACTION = Pattern.compile(
            "String action\\(\\)\\s*\\{(.*?)\\n    }", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"(\\s*\\+)?");

    @Test
    void everyJournaledActionHasALabelInEveryLanguage() throws IOException {
        Set<String> codes = codes();
        assertThat(codes).hasSizeGreaterThan(70).contains("LEDGER_TOP_UP", "CONTRACT_SIGNED", "GUARANTEE_REJECTED");
        for (String language : List.of("", "_ru", "_th")) {
            Properties bundle = bundle("i18n/audit" + language + ".properties");
            List<String> missing = new ArrayList<>();
            codes.forEach(code -> {
                String label = bundle.getProperty("audit.action." + code);
                if (label == null || label.isBlank()) {
                    missing.add(code);
                }
            });
            assertThat(missing).as("actions without a label in audit%s.properties", language).isEmpty();
        }
    }

    @Test
    void theEnumValuesOfBuiltCodesAreTheLedgersPostingKinds() throws ClassNotFoundException {
        Object[] kinds = Class.forName("org.openetp.ledger.PostingKind").getEnumConstants();
        assertThat(BUILT.get("LEDGER_")).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(kinds).map(Object::toString).toList());
    }

    private static Set<String> codes() throws IOException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(JournaledEvent.class));
        Set<String> codes = new TreeSet<>();
        for (BeanDefinition event : scanner.findCandidateComponents("org.openetp")) {
            String name = event.getBeanClassName();
            Path source = Path.of("src/main/java", name.replace('.', '/') + ".java");
            if (!Files.exists(source)) {
                continue; // a test's own event
            }
            Matcher method = ACTION.matcher(Files.readString(source));
            assertThat(method.find()).as("action() of " + name).isTrue();
            Matcher literal = LITERAL.matcher(method.group(1));
            int found = 0;
            while (literal.find()) {
                found++;
                if (literal.group(2) == null) {
                    codes.add(literal.group(1));
                } else {
                    List<String> values = BUILT.get(literal.group(1));
                    assertThat(values).as(name + " builds its code from " + literal.group(1)
                            + "+...: list the values in BUILT").isNotNull();
                    values.forEach(v -> codes.add(literal.group(1) + v));
                }
            }
            assertThat(found).as("no code found in action() of " + name).isPositive();
        }
        return codes;
    }

    private static Properties bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(AuditActionLabelsTest.class.getClassLoader()
                .getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
