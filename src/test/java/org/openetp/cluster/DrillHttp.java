package org.openetp.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
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

    /** Waits until the path answers the status, asking it every 300 ms. */
    void awaitStatus(String path, @Nullable String token, int status, Duration atMost) {
        AtomicReference<@Nullable Answer> last = new AtomicReference<>();
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(300))
                    .until(() -> answered(last, get(path, token)).status() == status);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(path + " did not answer " + status + ": " + last.get(), e);
        }
    }

    /** Waits until a field of the path's JSON has the value, asking it every 300 ms. */
    void awaitField(String path, @Nullable String token, String field, String value, Duration atMost) {
        AtomicReference<@Nullable Answer> last = new AtomicReference<>();
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(300)).until(() -> {
                Answer answer = answered(last, get(path, token));
                return answer.status() == 200 && answer.json().path(field).asString().equals(value);
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(path + " never had " + field + " = " + value + ": " + last.get(), e);
        }
    }

    /** Keeps the answer for the message of a wait that runs out. */
    private static Answer answered(AtomicReference<@Nullable Answer> last, Answer answer) {
        last.set(answer);
        return answer;
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
