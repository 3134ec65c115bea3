package org.openetp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 item 4 (UI.md convention 11): a notice is stored as a key and arguments and read in the reader's
 * language of the moment, amounts and dates in the reader's locale, plan names in the reader's language; the
 * e-mail goes in the recipient's own language; notices stored as text before keep showing.
 */
class NoticesInReadersLanguageTests extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSameNoticeReadsInEnglishRussianAndThaiOverTheApi() {
        Flows.Member member = russianMember();
        flows.entitled(member);
        String number = invoiceNotice(member, "en").path("title").asString().replace("Invoice ", "")
                .replace(" issued", "");

        JsonNode en = invoiceNotice(member, "en");
        assertThat(en.path("key").asString()).isEqualTo("notification.invoiceIssued");
        assertThat(en.path("title").asString()).isEqualTo("Invoice " + number + " issued");
        assertThat(spaces(en.path("body").asString())).contains("tariff plan Full", "10,000.00 RUB to pay");

        JsonNode ru = invoiceNotice(member, "ru");
        assertThat(ru.path("id").asString()).isEqualTo(en.path("id").asString());
        assertThat(ru.path("title").asString()).isEqualTo("Выставлен счёт " + number);
        assertThat(spaces(ru.path("body").asString())).contains("за тариф Полный", "к оплате 10 000,00 ₽");

        JsonNode th = invoiceNotice(member, "th");
        assertThat(th.path("title").asString()).isEqualTo("ออกใบแจ้งหนี้ " + number + " แล้ว");
        assertThat(spaces(th.path("body").asString())).contains("เต็มรูปแบบ", "10,000.00 RUB");

        JsonNode active = item(member, "ru", "notification.subscriptionActive");
        assertThat(active.path("body").asString()).contains("Тариф Полный действует с ").contains(" UTC")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void theInboxPageFollowsTheLanguageTheReaderSwitchesTo() throws Exception {
        Flows.Member member = russianMember();
        flows.entitled(member);
        invoiceNotice(member, "en");
        Browser browser = new Browser(member.email());

        String russian = browser.get("/notifications?lang=ru");
        assertThat(russian).contains("Выставлен счёт ", "Оплата получена: тариф Полный действует")
                .doesNotContain("Payment received");
        String english = browser.get("/notifications?lang=en");
        assertThat(english).contains("Payment received: plan Full is active").doesNotContain("Выставлен счёт");
        assertThat(browser.get("/notifications?lang=th")).contains("ได้รับชำระเงินแล้ว: แพ็กเกจ เต็มรูปแบบ มีผลแล้ว");
    }

    @Test
    void theMailGoesInTheRecipientsLanguage() {
        Flows.Member member = russianMember();
        flows.entitled(member);
        JsonNode notice = invoiceNotice(member, "en");
        String number = notice.path("title").asString().replace("Invoice ", "").replace(" issued", "");

        await().atMost(PATIENCE).until(() -> mails(member, "Выставлен счёт " + number) == 1);
        String body = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = :to AND subject = :subject")
                .param("to", member.email()).param("subject", "Выставлен счёт " + number).query(String.class).single();
        assertThat(spaces(body)).contains("за тариф Полный", "10 000,00 ₽");
        assertThat(mails(member, "Invoice " + number + " issued")).isZero();
    }

    @Test
    void aNoticeStoredAsTextBeforeKeysStillShows() {
        Flows.Member member = russianMember();
        invoiceNotice(member, "ru", "notification.accredited"); // the row only shows up once the user exists
        UUID user = jdbc.sql("SELECT recipient_id FROM notification WHERE message_key = 'notification.accredited'"
                + " AND recipient_id IN (SELECT id FROM app_user WHERE email = :email)")
                .param("email", member.email()).query(UUID.class).single();
        jdbc.sql("""
                INSERT INTO notification (id, recipient_id, kind, dedup_key, title, body, link, in_app, emailed,
                    created_at)
                VALUES (:id, :user, 'BILLING', :dedup, 'Old title', 'Old body, as it was written', '/tariffs', TRUE,
                    FALSE, :at)
                """).param("id", UUID.randomUUID()).param("user", user).param("dedup", "old:" + UUID.randomUUID())
                .param("at", Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"))).update();

        JsonNode old = api.get("/api/v1/notifications?size=100", headers(member, "ru"))
                .json().path("items").valueStream().filter(n -> n.path("title").asString().equals("Old title"))
                .findFirst().orElseThrow();
        assertThat(old.path("body").asString()).isEqualTo("Old body, as it was written");
        assertThat(old.path("key").isMissingNode()).isTrue();
    }

    /** Registers in Russian (the registration's language becomes the user's), confirms and accredits. */
    private Flows.Member russianMember() {
        Map<String, Object> registration = Registrations.russianLlc();
        Api.Response created = api.post("/api/v1/registrations", registration, "Accept-Language", "ru");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String email = (String) Registrations.user(registration).get("email");
        flows.confirm(email);
        Flows.Member member = new Flows.Member(email, flows.token(email, Registrations.PASSWORD),
                created.json().path("organizationId").asString());
        Api.Response decided = api.post("/api/v1/operator/organizations/" + member.organizationId()
                + "/accreditation", Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return member;
    }

    private JsonNode invoiceNotice(Flows.Member member, String lang) {
        return invoiceNotice(member, lang, "notification.invoiceIssued");
    }

    private JsonNode invoiceNotice(Flows.Member member, String lang, String key) {
        await().atMost(PATIENCE).until(() -> items(member, lang).stream()
                .anyMatch(n -> n.path("key").asString().equals(key)));
        return item(member, lang, key);
    }

    private JsonNode item(Flows.Member member, String lang, String key) {
        await().atMost(PATIENCE).until(() -> items(member, lang).stream()
                .anyMatch(n -> n.path("key").asString().equals(key)));
        return items(member, lang).stream().filter(n -> n.path("key").asString().equals(key)).findFirst()
                .orElseThrow();
    }

    private List<JsonNode> items(Flows.Member member, String lang) {
        Api.Response inbox = api.get("/api/v1/notifications?size=100", headers(member, lang));
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        return inbox.json().path("items").valueStream().toList();
    }

    private static String[] headers(Flows.Member member, String lang) {
        return new String[] {"Authorization", "Bearer " + member.token(), "Accept-Language", lang};
    }

    private long mails(Flows.Member member, String subject) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :to AND subject = :subject")
                .param("to", member.email()).param("subject", subject).query(Long.class).single();
    }

    /** Locale formats group with no-break spaces; the assertions read them as spaces. */
    private static String spaces(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** A browser's session on the pages: form login, cookies. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        Browser(String email) throws Exception {
            Matcher csrf = CSRF.matcher(get("/login"));
            assertThat(csrf.find()).isTrue();
            String form = "email=" + encode(email) + "&password=" + encode(Registrations.PASSWORD) + "&_csrf="
                    + encode(csrf.group(1));
            http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String get(String path) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
