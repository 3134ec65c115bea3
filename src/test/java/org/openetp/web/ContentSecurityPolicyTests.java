package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openetp.support.ApiTest;

/**
 * Issue 14 item 9: pages allow no inline script, so an injected {@code <script>} or {@code onclick} would not run.
 * The policy says so, and no template relies on inline script (which the policy would now silently break).
 */
class ContentSecurityPolicyTests extends ApiTest {

    /** An inline script element (one without src), an inline event handler, or htmx's hx-on handlers. */
    private static final Pattern INLINE_SCRIPT = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|\\s(th:)?on[a-z]+\\s*=|\\shx-on[:\\-]|javascript:",
            Pattern.CASE_INSENSITIVE);

    @Test
    void pagesForbidInlineScript() {
        String policy = api.get("/login").header("Content-Security-Policy");

        assertThat(policy).contains("script-src 'self'");
        String scriptSrc = policy.substring(policy.indexOf("script-src"));
        assertThat(scriptSrc.substring(0, scriptSrc.indexOf(';'))).doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void noTemplateCarriesInlineScript() throws IOException {
        List<String> offenders;
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            offenders = templates.filter(p -> p.toString().endsWith(".html")).filter(ContentSecurityPolicyTests::inline)
                    .map(Path::toString).toList();
        }

        assertThat(offenders).isEmpty();
    }

    @Test
    void theUploadSizeCheckIsAStaticScript() {
        assertThat(api.get("/js/forms.js").status()).isEqualTo(200);
        assertThat(api.get("/js/forms.js").body()).contains("data-max-bytes", "setCustomValidity");
    }

    private static boolean inline(Path template) {
        try {
            return INLINE_SCRIPT.matcher(Files.readString(template)).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
