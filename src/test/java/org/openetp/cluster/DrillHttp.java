package org.openetp.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The drill's HTTP: JSON in and out, a bearer token or none; an I/O failure is an answer of status 0. */
final class DrillHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();

    DrillHttp(String base) {
        this.base = base;
    }

    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Answer get(String path, @Nullable String token) {
        return send(request(base + path, token).GET());
    }

    Answer getDirect(String url) {
        return send(request(url, null).GET());
    }

    Answer post(String path, @Nullable String token, Object body) {
        return send(request(base + path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer postBasic(String path, String email, String password, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (email + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    HttpClient client() {
        return client;
    }

    /** Waits until the path answers the status. */
    void awaitStatus(String path, @Nullable String token, int status, Duration atMost) throws InterruptedException {
        Instant until = Instant.now().plus(atMost);
        Answer last = null;
        while (Instant.now().isBefore(until)) {
            last = get(path, token);
            if (last.status() == status) {
                return;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(path + " did not answer " + status + ": " + last);
    }

    /** Waits until a field of the path's JSON has the value. */
    void awaitField(String path, @Nullable String token, String field, String value, Duration atMost)
            throws InterruptedException {
        Instant until = Instant.now().plus(atMost);
        Answer last = null;
        while (Instant.now().isBefore(until)) {
            last = get(path, token);
            if (last.status() == 200 && last.json().path(field).asString().equals(value)) {
                return;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(path + " never had " + field + " = " + value + ": " + last);
    }

    private static HttpRequest.Builder request(String url, @Nullable String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, e.toString());
        }
    }
}
