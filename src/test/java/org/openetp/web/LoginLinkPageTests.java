package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import tools.jackson.databind.JsonNode;

/** The login page's "e-mail me a sign-in link": asking, following the link, signing in once with a fresh session. */
class LoginLinkPageTests extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void theOwnerAsksForALinkOnTheLoginPageAndSignsInWithItOnce() throws Exception {
        Flows.Member owner = flows.confirmedMember(Registrations.russianLlc());
        String loginPage = get("/login").body();
        assertThat(loginPage).contains("id=\"login-link-email\"");

        HttpResponse<String> asked = post("/login/link/request", Map.of("email", owner.email()), csrf(loginPage));
        assertThat(asked.uri().getPath()).isEqualTo("/login");
        assertThat(asked.body()).contains("id=\"flash-info\"");

        String link = link(owner.email());
        HttpResponse<String> landing = get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery());
        assertThat(landing.body()).contains("id=\"login-link-use\"");
        String token = URI.create(link).getQuery().substring("token=".length());

        HttpResponse<String> signedIn = post("/login/link", Map.of("token", token), csrf(landing.body()));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.uri().getPath()).isEqualTo("/");
        HttpResponse<String> account = get("/account");
        assertThat(account.uri().getPath()).isEqualTo("/account");
        assertThat(account.body()).doesNotContain("name=\"password\"");

        HttpClient stranger = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> strangerLanding = stranger.send(request("/login/link?token=" + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> reused = stranger.send(form(request("/login/link"), Map.of("token", token),
                csrf(strangerLanding.body())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reused.body()).contains("id=\"login-link-error\"");
        assertThat(stranger.send(request("/account").GET().build(), HttpResponse.BodyHandlers.ofString()).uri()
                .getPath()).as("a used link signs nobody in").isEqualTo("/login");
    }

    @Test
    void theLoginFormLocksOutTheFailingClientOnlyAndTheOwnerSignsInFromAnother() throws Exception {
        Flows.Member owner = flows.confirmedMember(Registrations.russianLlc());
        HttpClient stranger = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> answer = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            String form = stranger.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            answer = stranger.send(form(request("/login").header("X-Forwarded-For", "203.0.113.66"),
                    Map.of("email", owner.email(), "password", "guess-" + attempt), csrf(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(answer.uri().getQuery()).isEqualTo("error=locked");
        assertThat(answer.body()).contains("id=\"login-link\" open");

        String form = get("/login").body();
        HttpResponse<String> signedIn = http.send(form(request("/login").header("X-Forwarded-For", "198.51.100.66"),
                Map.of("email", owner.email(), "password", Registrations.PASSWORD), csrf(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.uri().getPath()).isEqualTo("/");
        assertThat(get("/account").uri().getPath()).isEqualTo("/account");
    }

    private String link(String email) {
        for (JsonNode mail : api.get("/api/v1/dev/mail?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                .json()) {
            for (JsonNode link : mail.path("links")) {
                if (link.asString().contains("/login/link?token=")) {
                    return link.asString();
                }
            }
        }
        throw new AssertionError("No sign-in link mailed to " + email);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private HttpResponse<String> post(String path, Map<String, String> fields, String csrf)
            throws IOException, InterruptedException {
        return http.send(form(request(path), fields, csrf).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpRequest.Builder form(HttpRequest.Builder request, Map<String, String> fields, String csrf) {
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", "_csrf=" + encode(csrf) + "&", ""));
        return request.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a form with a CSRF token").isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
