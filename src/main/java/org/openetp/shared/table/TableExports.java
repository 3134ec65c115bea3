package org.openetp.shared.table;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Answers a request for a table's file: the {@code source} reads every row matching the query (in a read-only
 * transaction, a cursor with a fetch size) and hands each to the writer, which writes it to the response at once.
 * The response's headers are set at the first row (or at the end for an empty file), so a refusal thrown before
 * then (no access, unknown organization) still becomes the usual error answer.
 */
public final class TableExports {

    /** Date-times in files are UTC (named so in the header) until users have a zone of their own. */
    public static final ZoneId ZONE = ZoneId.of("UTC");

    private TableExports() {
    }

    /** A source of rows: calls its argument once per row, in order. */
    @FunctionalInterface
    public interface Source<R> {
        void rows(Consumer<R> sink);
    }

    public static <R> void write(ExportFormat format, TableDefinition<R> table, MessageSource messages, Locale locale,
            HttpServletResponse response, Source<R> source) {
        Lazy<R> lazy = new Lazy<>(format, table, messages, locale, response);
        source.rows(row -> lazy.writer().write(row));
        lazy.writer().close();
        try {
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Lazy<R> {
        private final ExportFormat format;
        private final TableDefinition<R> table;
        private final MessageSource messages;
        private final Locale locale;
        private final HttpServletResponse response;
        private @Nullable TableWriter<R> writer;

        Lazy(ExportFormat format, TableDefinition<R> table, MessageSource messages, Locale locale,
                HttpServletResponse response) {
            this.format = format;
            this.table = table;
            this.messages = messages;
            this.locale = locale;
            this.response = response;
        }

        TableWriter<R> writer() {
            if (writer == null) {
                response.setContentType(format.contentType());
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(table.name() + "." + format.extension()).build().toString());
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                try {
                    writer = TableWriter.open(format, table, messages, locale, ZONE, response.getOutputStream());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return writer;
        }
    }
}
