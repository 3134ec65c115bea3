package org.openetp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.openetp.bench.CatalogueShapes.BenchQuery;
import org.openetp.procurement.catalogue.CatalogueSearch;

/**
 * Whole pages over HTTP, as a browser asks for them (SPEC §13: page render p95 ≤ 200 ms): the catalogue page with a
 * search (results, facets, pager) and a procedure's page, at 1 and 20 concurrent users.
 */
final class PageTimings {

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(30)).build();

    PageTimings(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The catalogue page of each search and the page of each procedure, timed. */
    Map<String, Object> measure(List<BenchQuery> searches, List<UUID> procedures, int warmUp, int single,
            int perClient, int clients) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        List<String> catalogue = searches.stream().map(q -> catalogueUrl(q.search())).toList();
        List<String> procedure = procedures.stream().map(id -> "/procedures/" + id).toList();
        for (Map.Entry<String, List<String>> page : Map.of("catalogue page", catalogue, "procedure page", procedure)
                .entrySet()) {
            List<String> urls = page.getValue();
            System.out.printf("bench: %s...%n", page.getKey());
            Timings.run(clients, Math.max(1, warmUp / clients), i -> get(urls.get(i % urls.size())));
            Map<String, Object> runs = new LinkedHashMap<>();
            runs.put("clients_1", Timings.run(1, single, i -> get(urls.get((warmUp + i) % urls.size()))).summary());
            runs.put("clients_" + clients, Timings.run(clients, perClient,
                    i -> get(urls.get((warmUp + single + i) % urls.size()))).summary());
            runs.put("example", urls.getFirst());
            result.put(page.getKey(), runs);
        }
        return result;
    }

    private Runnable get(String path) {
        return () -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept-Language", "ru").GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    private static String catalogueUrl(CatalogueSearch s) {
        StringBuilder url = new StringBuilder("/procedures?q=").append(encode(s.q() == null ? "" : s.q()));
        if (s.category() != null) {
            url.append("&category=").append(encode(String.join(",", s.category())));
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
