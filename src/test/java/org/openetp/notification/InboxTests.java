package org.openetp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.IntegrationTest;
import org.openetp.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The inbox belongs to its recipient alone, over the API and on the page. */
@IntegrationTest
class InboxTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    NotificationFixture fixture;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixture = new NotificationFixture(api, jdbc);
    }

    @Test
    void anotherUsersNotificationIsNotFoundAndStaysUnread() {
        Flows.Member owner = fixture.accreditedOffering("01.7");
        Flows.Member intruder = fixture.accreditedOffering("02.4");
        String id = accreditationNotice(owner).path("id").asString();

        assertThat(api.post("/api/v1/notifications/" + id + "/read", Map.of(), Api.bearer(intruder.token()))
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/notifications?size=100", Api.bearer(intruder.token())).json().path("items")
                .valueStream().map(n -> n.path("id").asString())).doesNotContain(id);
        assertThat(accreditationNotice(owner).path("readAt").isMissingNode()).isTrue();
        assertThat(api.post("/api/v1/notifications/" + UUID.randomUUID() + "/read", Map.of(),
                Api.bearer(owner.token())).status()).as("unknown id").isEqualTo(404);
        assertThat(api.get("/api/v1/notifications").status()).as("signed in only").isEqualTo(401);
    }

    @Test
    void theOwnerMarksOneOrAllRead() {
        Flows.Member owner = fixture.accreditedOffering("01.7");
        String id = accreditationNotice(owner).path("id").asString();
        assertThat(api.get("/api/v1/notifications", Api.bearer(owner.token())).json().path("unread").asLong())
                .isEqualTo(1);

        assertThat(api.post("/api/v1/notifications/" + id + "/read", Map.of(), Api.bearer(owner.token())).status())
                .isEqualTo(204);
        JsonNode inbox = api.get("/api/v1/notifications", Api.bearer(owner.token())).json();
        assertThat(inbox.path("unread").asLong()).isZero();
        assertThat(inbox.path("total").asLong()).isEqualTo(1);
        assertThat(inbox.path("items").get(0).path("readAt").isMissingNode()).isFalse();

        assertThat(api.post("/api/v1/notifications/read-all", Map.of(), Api.bearer(owner.token())).status())
                .isEqualTo(204);
    }

    @Test
    void thePageShowsTheInboxInTheUsersLanguageAndMarksAllRead() throws Exception {
        Map<String, Object> registration = Registrations.russianLlc();
        Registrations.organization(registration).put("categoriesOffered", List.of("01.7"));
        Flows flows = new Flows(api);
        Flows.Member member = flows.confirmedMember(registration);
        Browser browser = new Browser();
        browser.login(member.email(), Registrations.PASSWORD);
        browser.get("/notifications?lang=ru");
        api.post("/api/v1/operator/organizations/" + member.organizationId() + "/accreditation",
                Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken()));
        await().atMost(PATIENCE).until(() -> unread(member) == 1);

        String page = browser.get("/notifications");
        assertThat(page).contains("Уведомления", "Ваша организация аккредитована", "Непрочитанных: 1",
                "Как меня уведомлять", "Сохранить поиск");
        browser.post("/notifications/read-all", Map.of(), browser.csrf(page));
        assertThat(unread(member)).isZero();
        assertThat(browser.get("/notifications")).doesNotContain("Непрочитанных");
    }

    private long unread(Flows.Member member) {
        return api.get("/api/v1/notifications", Api.bearer(member.token())).json().path("unread").asLong();
    }

    /** The notice of the accreditation every accredited test organization's admin receives. */
    private JsonNode accreditationNotice(Flows.Member member) {
        await().atMost(PATIENCE).until(() -> kindCount(member, "ACCREDITATION") == 1);
        return api.get("/api/v1/notifications?size=100", Api.bearer(member.token())).json().path("items")
                .valueStream().filter(n -> n.path("kind").asString().equals("ACCREDITATION")).findFirst()
                .orElseThrow();
    }

    private long kindCount(Flows.Member member, String kind) {
        return api.get("/api/v1/notifications?size=100", Api.bearer(member.token())).json().path("items")
                .valueStream().filter(n -> n.path("kind").asString().equals(kind)).count();
    }

    /** A browser session: form login, cookies, the CSRF token of the last page. */
    private final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        void login(String email, String password) throws IOException, InterruptedException {
            String form = get("/login");
            String landing = post("/login", Map.of("email", email, "password", password), csrf(form));
            assertThat(landing).doesNotContain("name=\"password\"");
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }

        String post(String path, Map<String, String> fields, String csrf) throws IOException, InterruptedException {
            String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&", "_csrf=" + encode(csrf) + (fields.isEmpty() ? "" : "&"), ""));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }

        String csrf(String page) {
            Matcher matcher = CSRF.matcher(page);
            assertThat(matcher.find()).as("a form with a CSRF token").isTrue();
            return matcher.group(1);
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
