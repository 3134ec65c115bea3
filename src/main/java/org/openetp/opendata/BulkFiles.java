package org.openetp.opendata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly bulk files: one release package per month of release dates, gzipped, built from the database when first
 * asked for and kept in it, so every node serves the same file. A file is rebuilt when a release of its month has
 * committed since it was built (the backfill writes old months late).
 */
@Service
public class BulkFiles {

    private final ReleaseStore store;
    private final OpenDataFeed feed;
    private final Links links;
    private final Clock clock;

    BulkFiles(ReleaseStore store, OpenDataFeed feed, Links links, Clock clock) {
        this.store = store;
        this.feed = feed;
        this.links = links;
        this.clock = clock;
    }

    /** The months with releases, newest first, as {@code yyyy-MM}. */
    @Transactional(readOnly = true)
    public List<String> months() {
        return store.months().stream().map(m -> YearMonth.from(m).toString()).toList();
    }

    /**
     * The gzipped release package of a month ({@code yyyy-MM}). Repeatable read: the count that versions the file
     * and the rows written into it come from one snapshot.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public byte[] month(String month) {
        YearMonth ym;
        try {
            ym = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "ocds.month.invalid");
        }
        LocalDate first = ym.atDay(1);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = ym.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ReleaseStore.MonthState state = store.monthState(from, to);
        if (state.releases() == 0) {
            throw new NotFoundException("Bulk file");
        }
        ReleaseStore.CachedBulk cached = store.bulk(first).orElse(null);
        if (cached != null && cached.state().equals(state)) {
            return cached.body();
        }
        byte[] body = build(ym, from, to, state);
        store.saveBulk(first, state, body, clock.instant());
        return body;
    }

    private byte[] build(YearMonth month, Instant from, Instant to, ReleaseStore.MonthState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
            Instant published = to.isAfter(clock.instant()) ? clock.instant() : to;
            gz.write(feed.header(links.bulk(month.toString()), published).getBytes(StandardCharsets.UTF_8));
            gz.write(",\"releases\":[".getBytes(StandardCharsets.UTF_8));
            store.writeMonth(from, to, state.lastSeq(), gz);
            gz.write("]}".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
