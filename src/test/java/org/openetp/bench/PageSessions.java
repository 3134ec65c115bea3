package org.openetp.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openetp.web.WalkedPages;

/**
 * The demo roles of the README signed in over plain HTTP, each in its own session (cookie), and the pages the UI
 * walk visits for each role, found the same way from the served HTML ({@link WalkedPages}).
 */
final class PageSessions {

    static final String OPERATOR = "operator@openetp.local";
    static final String OPERATOR_PASSWORD = "operator-demo-1";
    private static final String DEMO_PASSWORD = "demo-password";
    /** Role → login, in the walk's order (anonymous pages are the public subset of these). */
    private static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("buyer", "buyer@demo.openetp.local");
        ROLES.put("committee", "committee@demo.openetp.local");
        ROLES.put("supplier", "supplier@demo.openetp.local");
        ROLES.put("operator", OPERATOR);
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final URI base;

    PageSessions(int port) {
        this.base = URI.create("http://localhost:" + port + "/");
    }

    /** One signed-in user: GETs a page and insists on 200. */
    record Session(String role, HttpClient http, URI base) {

        String get(String page) {
            HttpResponse<String> response = send(page);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(role + " GET " + page + " answered " + response.statusCode());
            }
            return response.body();
        }

        HttpResponse<String> send(String page) {
            try {
                return http.send(HttpRequest.newBuilder(base.resolve(page)).header("Accept-Language", "ru").GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Each role's walked pages: its home, its menu, and the first object page of each kind its lists link to. */
    Map<String, List<String>> discover() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        for (String role : ROLES.keySet()) {
            Session session = signIn(role);
            Set<String> found = new LinkedHashSet<>(List.of("/"));
            WalkedPages.navLinks(session.get("/")).forEach(href -> WalkedPages.menuPage(base, href)
                    .ifPresent(found::add));
            List<String> walked = new ArrayList<>();
            Set<String> kinds = new LinkedHashSet<>();
            List<String> queue = new ArrayList<>(found);
            for (int i = 0; i < queue.size(); i++) {
                String page = queue.get(i);
                HttpResponse<String> response = session.send(page);
                if (response.statusCode() != 200) {
                    System.out.printf("bench: %s %s answered %d, left out%n", role, page, response.statusCode());
                    continue;
                }
                walked.add(page);
                if (WalkedPages.isObjectPage(page)) {
                    continue;
                }
                for (String href : WalkedPages.contentLinks(response.body())) {
                    String path = base.resolve(href.replace("&amp;", "&")).getPath();
                    WalkedPages.objectKind(base, href).filter(kinds::add).filter(k -> !queue.contains(path))
                            .ifPresent(k -> queue.add(path));
                }
            }
            pages.put(role, walked);
            System.out.printf("bench: %s walks %d pages%n", role, walked.size());
        }
        return pages;
    }

    /** {@code count} users, the roles in turn, each signed in to a session of its own. */
    List<Session> signIn(int count) {
        List<String> roles = List.copyOf(ROLES.keySet());
        List<Session> sessions = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            sessions.add(signIn(roles.get(c % roles.size())));
        }
        return sessions;
    }

    private Session signIn(String role) {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Session session = new Session(role, http, base);
        Matcher csrf = CSRF.matcher(session.get("/login"));
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String email = ROLES.get(role);
        String form = "email=" + encode(email) + "&password=" + encode(role.equals("operator") ? OPERATOR_PASSWORD
                : DEMO_PASSWORD) + "&_csrf=" + encode(csrf.group(1));
        try {
            HttpResponse<Void> answer = noRedirects.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() != 302 || location.contains("/login")) {
                throw new IllegalStateException(email + " could not sign in: " + answer.statusCode() + " " + location);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return session;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
