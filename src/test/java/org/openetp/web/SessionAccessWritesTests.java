package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.springframework.beans.factory.annotation.Autowired;
import org.mockito.Mockito;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Page speed (issue 16): a page view does not write its session's row only to move the last access time; the time
 * moves once it is a minute old, and the session stays in the database and signed in.
 */
class SessionAccessWritesTests extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    private final CookieManager cookies = new CookieManager();
    private HttpClient http;
    private URI base;

    @BeforeEach
    void browser() {
        http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        base = URI.create("http://localhost:" + port + "/");
    }

    @Test
    void aPageViewWithinAMinuteWritesNothingAndALaterOneMovesTheTime() throws Exception {
        signIn();
        String id = sessionId();
        assertThat(get("/account").statusCode()).isEqualTo(200);
        long first = lastAccess(id);

        assertThat(get("/account").statusCode()).isEqualTo(200);
        assertThat(get("/notifications").statusCode()).isEqualTo(200);
        assertThat(lastAccess(id)).as("not written within a minute").isEqualTo(first);

        // As if the last view were two minutes ago (no waiting for the real clock).
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 120000,"
                + " expiry_time = expiry_time - 120000 WHERE session_id = :id").param("id", id).update();
        assertThat(get("/account").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(lastAccess(id)).as("moved once a minute old").isGreaterThanOrEqualTo(first);
        assertThat(expiry(id) - lastAccess(id)).as("the expiry moves with it").isEqualTo(8 * 3600 * 1000L);
    }

    @Test
    void aPageViewReadsItsSessionOnce() throws Exception {
        JdbcIndexedSessionRepository reads = Mockito.spy(sessions);
        var plain = new SessionAccessWrites.ThrottledRepository(sessions);
        SessionAccessWrites.ThrottledSession created = plain.createSession();
        created.setAttribute("page", "seen");
        plain.save(created);
        String id = created.getId();
        SessionRepositoryFilter<?> filter = SessionAccessWrites.filter(
                new SessionAccessWrites.ThrottledRepository(reads), new CookieHttpSessionIdResolver());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account");
        request.setCookies(new Cookie("SESSION",
                Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8))));
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            assertThat(((HttpServletRequest) req).getSession().getAttribute("page")).isEqualTo("seen");
            res.getWriter().write("a page");
            res.flushBuffer(); // commits the response: Spring Session saves the session then, and again at the end
        });

        Mockito.verify(reads, Mockito.times(1)).findById(id);
        assertThat(response.getCookies()).as("the same session: no new cookie").isEmpty();
    }

    @Test
    void signingOutStillEndsTheStoredSession() throws Exception {
        signIn();
        String id = sessionId();
        assertThat(get("/account").statusCode()).isEqualTo(200);
        String csrf = csrf(get("/account").body());

        post("/logout", "_csrf=" + encode(csrf));

        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(get("/account").statusCode()).as("signed out").isEqualTo(302);
    }

    private void signIn() throws Exception {
        String csrf = csrf(get("/login").body());
        HttpResponse<String> answer = post("/login", "email=" + encode(Flows.OPERATOR_EMAIL) + "&password="
                + encode(Flows.OPERATOR_PASSWORD) + "&_csrf=" + encode(csrf));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("/login");
    }

    private String sessionId() {
        HttpCookie cookie = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .findFirst().orElseThrow();
        return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    }

    private long lastAccess(String id) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = :id").param("id", id)
                .query(Long.class).single();
    }

    private long expiry(String id) {
        return jdbc.sql("SELECT expiry_time FROM spring_session WHERE session_id = :id").param("id", id)
                .query(Long.class).single();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
