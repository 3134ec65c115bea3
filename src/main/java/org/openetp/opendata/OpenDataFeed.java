package org.openetp.opendata;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * The release feed and the records. Pages are assembled from the stored release texts as they are, so serving a page
 * costs one indexed query and no re-serialization of its releases.
 */
@Service
public class OpenDataFeed {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final ReleaseStore store;
    private final OcdsProperties properties;
    private final Links links;
    private final Clock clock;

    OpenDataFeed(ReleaseStore store, OcdsProperties properties, Links links, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
    }

    /** A page of the feed after the cursor: the release package's JSON text, with the next page's cursor. */
    @Transactional(readOnly = true)
    public FeedPage releases(@Nullable String cursor, @Nullable Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInputException("limit", "ocds.limit.range");
        }
        Cursor after = Cursor.parse(cursor);
        List<ReleaseStore.FeedRow> rows = store.page(after, size);
        Cursor next = rows.isEmpty() ? after : rows.getLast().cursor();
        // The page's date is its newest release's, so that the same cursor gives the same bytes.
        Instant published = rows.stream().map(ReleaseStore.FeedRow::releasedAt).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        StringBuilder json = new StringBuilder(rows.size() * 4096 + 1024);
        json.append(header(links.releases(cursor == null ? "" : after.toString(), limit), published));
        json.append(",\"links\":{\"next\":")
                .append(Publisher.JSON.writeValueAsString(links.releases(next.toString(), limit)))
                .append("},\"releases\":[");
        for (int i = 0; i < rows.size(); i++) {
            json.append(i == 0 ? "" : ",").append(rows.get(i).release());
        }
        return new FeedPage(json.append("]}").toString(), links.releases(next.toString(), limit), rows.size());
    }

    /** The record package of one procedure: its releases and the compiled release. */
    @Transactional(readOnly = true)
    public String record(String ocid) {
        if (!ocid.startsWith(properties.prefix() + "-") || ocid.length() > 100) {
            throw new NotFoundException("Record");
        }
        List<String> texts = store.releasesOf(ocid);
        if (texts.isEmpty()) {
            throw new NotFoundException("Record");
        }
        List<Map<String, Object>> releases = texts.stream()
                .map(t -> Publisher.JSON.readValue(t, new TypeReference<Map<String, Object>>() { })).toList();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ocid", ocid);
        record.put("releases", releases);
        record.put("compiledRelease", Compiler.compile(releases));
        Map<String, Object> pack = packageFields(links.record(ocid), clock.instant());
        pack.put("records", List.of(record));
        return Publisher.JSON.writeValueAsString(pack);
    }

    /** A release package's opening fields, as JSON text without the closing brace. */
    String header(String uri, Instant published) {
        String whole = Publisher.JSON.writeValueAsString(packageFields(uri, published));
        return whole.substring(0, whole.length() - 1);
    }

    private Map<String, Object> packageFields(String uri, Instant published) {
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("uri", uri);
        pack.put("version", "1.1");
        pack.put("extensions", List.of(Links.LOTS_EXTENSION, Links.BIDS_EXTENSION));
        pack.put("publishedDate", published.toString());
        pack.put("publisher", Map.of("name", properties.publisher()));
        pack.put("license", properties.license());
        pack.put("publicationPolicy", links.policy());
        return pack;
    }

    /** A page of the feed as JSON text; {@code next} is the address of the page after its last release. */
    public record FeedPage(String json, String next, int releases) {
    }
}
