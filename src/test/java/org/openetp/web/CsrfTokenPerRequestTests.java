package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;

/**
 * Page speed (issue 16): a page's CSRF token is masked once per request, not once per form (every form of a page
 * carries the same masked value), and still anew for every request (BREACH: no two responses show the same bytes),
 * and the masked value a page shows is accepted.
 */
class CsrfTokenPerRequestTests extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyFormOfAPageCarriesOneMaskedTokenAndTheNextViewAnother() throws Exception {
        List<String> login = tokens(get("/login").body());
        assertThat(post("/login", "email=" + encode(Flows.OPERATOR_EMAIL) + "&password="
                + encode(Flows.OPERATOR_PASSWORD) + "&_csrf=" + encode(login.getFirst())).statusCode())
                .isEqualTo(302);

        List<String> first = tokens(get("/notifications").body());
        List<String> second = tokens(get("/notifications").body());

        assertThat(first).as("the page's forms (its own and the layout's sign-out)").hasSizeGreaterThan(1);
        assertThat(first).as("one masked value for the whole page").containsOnly(first.getFirst());
        assertThat(second).containsOnly(second.getFirst());
        assertThat(second.getFirst()).as("masked anew for the next request").isNotEqualTo(first.getFirst());

        assertThat(post("/logout", "_csrf=" + encode(first.getLast())).headers().firstValue("Location")
                .orElse("")).as("the page's token accepted").doesNotContain("error");
        assertThat(get("/notifications").statusCode()).as("signed out").isEqualTo(302);
    }

    private List<String> tokens(String page) {
        return CSRF.matcher(page).results().map(m -> m.group(1)).toList();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base().resolve(path)).header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(base().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI base() {
        return URI.create("http://localhost:" + port + "/");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
