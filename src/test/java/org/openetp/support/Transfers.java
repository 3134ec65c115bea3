package org.openetp.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What {@link Api} does not do: multipart uploads, downloads as bytes, and a browser-like session (cookies, CSRF
 * tokens read from the rendered forms) for the procedure page's sections.
 */
public final class Transfers {

    /** One file part of a multipart form. */
    public record Part(String filename, byte[] content, String contentType) {
    }

    /** A download: status, raw body and headers. */
    public record Bytes(int status, byte[] body, Map<String, List<String>> headers) {

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of("")).getFirst();
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;

    /** A client without a session, following no redirects, like an API consumer. */
    public Transfers(int port) {
        this(port, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    }

    private Transfers(int port, HttpClient http) {
        this.base = "http://localhost:" + port;
        this.http = http;
    }

    /** A browser-like client with its own cookie jar, logged in through the login form. */
    public static Transfers loggedIn(int port, String email, String password) {
        Transfers browser = new Transfers(port, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
        String token = csrf(browser.page("/login").body());
        Api.Response login = browser.form("/login", Map.of("email", email, "password", password, "_csrf", token));
        if (login.status() != 302 || login.header("Location").contains("error")) {
            throw new AssertionError("Login failed: " + login.status() + " " + login.header("Location"));
        }
        return browser;
    }

    /** The CSRF token of the first form in a rendered page or fragment. */
    public static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token in: " + html);
        }
        return matcher.group(1);
    }

    public Api.Response upload(String path, List<Part> files, Map<String, String> fields, String... headers) {
        String boundary = "----openetp" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        for (Part file : files) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.filename() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
            body.writeBytes(file.content());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return text(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), headers);
    }

    public Bytes download(String path, String... headers) {
        return bytes(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    /** POSTs JSON and reads the answer as bytes (a file the server makes, e.g. a demo key). */
    public Bytes postForBytes(String path, String json, String... headers) {
        return bytes(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    private Bytes bytes(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Api.Response page(String path) {
        return text(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").GET());
    }

    public Api.Response form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return text(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Api.Response text(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body(), new LinkedHashMap<>(response.headers().map()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
