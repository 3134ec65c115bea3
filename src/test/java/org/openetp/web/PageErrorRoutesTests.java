package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 16 item 6: every page address with a path variable, given an id that is not one or one of nothing, answers
 * a person with the error page in the reader's language and a fitting status: never JSON, never a 500.
 */
class PageErrorRoutesTests extends ApiTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** What Chromium sends for a page it navigates to. */
    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyPageWithAPathVariableAnswersABadOrUnknownIdWithTheErrorPage() throws Exception {
        Flows.Member member = flows.accreditedMember();
        List<String> routes = pageRoutes();
        assertThat(routes).as("page routes with a path variable").hasSizeGreaterThan(20);

        List<String> failures = new ArrayList<>();
        for (Session session : List.of(signIn(member.email(), Registrations.PASSWORD),
                signIn(Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD))) {
            // Russian by the language cookie, not ?lang=ru, which would also become the shared operator's choice.
            session.readIn("ru");
            for (String route : routes) {
                for (String value : List.of("not-an-id", UUID.randomUUID().toString())) {
                    String path = VARIABLE.matcher(route).replaceAll(value).replace("**", "x");
                    String problem = session.errorPageProblem(path);
                    if (problem != null) {
                        failures.add(session.who + " " + route + " [" + value + "]: " + problem);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theErrorPageSpeaksTheReadersLanguage() throws Exception {
        Session session = signIn(flows.accreditedMember().email(), Registrations.PASSWORD);
        for (var lang : List.of(List.of("en", "Something went wrong"), List.of("ru", "Что-то пошло не так"),
                List.of("th", "เกิดข้อผิดพลาด"))) {
            HttpResponse<String> page = session.get("/procedures/not-an-id?lang=" + lang.get(0));

            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("lang=\"" + lang.get(0) + "\"", lang.get(1));
        }
        HttpResponse<String> missing = session.get("/contracts/" + UUID.randomUUID() + "?lang=ru");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Страница не существует");
    }

    /** The GET handlers a browser opens: everything but the API, the actuator and the error page itself. */
    private List<String> pageRoutes() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.contains("{") && !pattern.startsWith("/api/") && !pattern.startsWith("/error")
                        && !pattern.startsWith("/actuator")) {
                    routes.add(pattern);
                }
            }
        });
        return List.copyOf(routes);
    }

    private Session signIn(String email, String password) throws IOException, InterruptedException {
        Session session = new Session(email);
        String form = session.get("/login").body();
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).isTrue();
        String body = "email=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> landing = session.http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(landing.statusCode()).as("signed in").isEqualTo(302);
        assertThat(landing.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return session;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser's session: its cookies, its Accept header, redirects left to the test. */
    private final class Session {

        final String who;
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Session(String who) {
            this.who = who;
        }

        /** Sets the language cookie, as the language switch does for this browser only. */
        void readIn(String lang) {
            // Replaces the one the login set from the user's stored language.
            List.copyOf(cookies.getCookieStore().getCookies()).stream().filter(c -> c.getName().equals("openetp-lang"))
                    .forEach(c -> cookies.getCookieStore().getURIs().forEach(u -> cookies.getCookieStore().remove(u, c)));
            HttpCookie cookie = new HttpCookie("openetp-lang", lang);
            cookie.setPath("/");
            cookie.setVersion(0);
            cookies.getCookieStore().add(uri("/"), cookie);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", BROWSER_ACCEPT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** What is wrong with the answer for a person, or null when it is the error page as it should be. */
        String errorPageProblem(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = get(path);
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status != 400 && status != 403 && status != 404) {
                return "status " + status + " " + response.headers().firstValue("Location").orElse("");
            }
            if (!type.startsWith("text/html")) {
                return "content type " + type;
            }
            if (!response.body().contains("Что-то пошло не так") || !response.body().contains("lang=\"ru\"")) {
                return "not the Russian error page";
            }
            return null;
        }
    }
}
