package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openetp.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.cache.StandardCache;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Page speed (issue 16): Thymeleaf's caches hold every template and every expression of the application, so a mix of
 * pages never parses a template or an expression again (the defaults of 200 and 500 entries evicted all the time).
 */
class TemplateCachesTests extends ApiTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern EXPRESSION = Pattern.compile("th:[a-z-]+=\"([^\"]*)\"");

    @Autowired
    SpringTemplateEngine engine;

    @Test
    void theCachesHoldEveryTemplateAndExpressionWithRoomToGrow() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        Set<String> expressions = new HashSet<>();
        for (Path template : templates) {
            Matcher m = EXPRESSION.matcher(Files.readString(template));
            while (m.find()) {
                expressions.add(m.group(1));
            }
        }
        StandardCache<?, ?> parsedExpressions = (StandardCache<?, ?>) engine.getCacheManager().getExpressionCache();
        StandardCache<?, ?> parsedTemplates = (StandardCache<?, ?>) engine.getCacheManager().getTemplateCache();

        // An attribute holds one Thymeleaf expression and often a SpEL one inside it: room for three per attribute.
        assertThat(parsedExpressions.getMaxSize()).isGreaterThanOrEqualTo(3 * expressions.size());
        // A template is cached whole and once per fragment selected from it (the layout: head, nav, flash, footer).
        assertThat(parsedTemplates.getMaxSize()).isGreaterThanOrEqualTo(8 * templates.size());
    }
}
