package org.openetp.opendata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Open data (API.md): the OCDS release feed, record packages and monthly bulk files, public without login. */
@RestController
@RequestMapping("/api/v1/ocds")
@Tag(name = "Open data (OCDS 1.1)")
class OcdsApiController {

    private final OpenDataFeed feed;
    private final BulkFiles bulk;
    private final Links links;

    OcdsApiController(OpenDataFeed feed, BulkFiles bulk, Links links) {
        this.feed = feed;
        this.bulk = bulk;
        this.links = links;
    }

    /**
     * A page of the feed. OCDS has no empty release package, so when nothing has been committed after the cursor the
     * answer is 204 with the same cursor in the {@code Link} header, to be asked again later.
     */
    @Operation(summary = "A page of the release feed after the cursor; links.next (and the Link header) carries the "
            + "next page's cursor; 204 when nothing new has been committed yet")
    @GetMapping(value = "/releases", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> releases(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        OpenDataFeed.FeedPage page = feed.releases(cursor, limit);
        String next = "<" + page.next() + ">; rel=\"next\"";
        if (page.releases() == 0) {
            return ResponseEntity.noContent().header("Link", next).build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("Link", next).body(page.json());
    }

    @Operation(summary = "The record package of one procedure: every release and the compiled release")
    @GetMapping(value = "/records/{ocid}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> record(@PathVariable String ocid) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(feed.record(ocid));
    }

    @Operation(summary = "The months that have a bulk file, newest first")
    @GetMapping("/bulk")
    List<Map<String, String>> months() {
        return bulk.months().stream().map(m -> Map.of("month", m, "url", links.bulk(m))).toList();
    }

    @Operation(summary = "The gzipped release package of every release dated in a month (yyyy-MM)")
    @GetMapping("/bulk/{month}.json.gz")
    ResponseEntity<byte[]> month(@PathVariable String month) {
        byte[] body = bulk.month(month);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/gzip"))
                .cacheControl(CacheControl.noCache())
                .header("Content-Disposition", "attachment; filename=\"" + month + ".json.gz\"").body(body);
    }
}
