package org.openetp.analytics;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.table.ExportFormat;
import org.openetp.shared.table.TableExports;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Answers a dashboard's request for one of its tables as a file ({@code ?table=…&format=csv|xlsx}, or the
 * {@code Accept} header): the same rows as under the chart, for the same filter, in the reader's language.
 */
@Component
class AnalyticsExports {

    private final MessageSource messages;

    AnalyticsExports(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The dashboard itself when no file is asked for; otherwise writes the named table of it and answers null (the
     * response is written).
     */
    <D> @Nullable D answer(D dashboard, Function<D, Map<String, AnalyticsTables.Export<?>>> tables,
            HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Optional<ExportFormat> format = asked(request);
        if (format.isEmpty()) {
            return dashboard;
        }
        write(format.get(), tables.apply(dashboard), request, response, locale);
        return null;
    }

    /** The format the request asks for, if any (then the caller computes the dashboard and calls {@link #write}). */
    static Optional<ExportFormat> asked(HttpServletRequest request) {
        return ExportFormat.requested(request.getParameter("format"), request.getHeader(HttpHeaders.ACCEPT));
    }

    /** Writes the table the request names; a name the dashboard does not have is refused (400) before any byte. */
    void write(ExportFormat format, Map<String, AnalyticsTables.Export<?>> tables, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        String name = request.getParameter("table");
        AnalyticsTables.Export<?> export = name == null && tables.size() == 1 ? tables.values().iterator().next()
                : tables.get(name == null ? "" : name);
        if (export == null) {
            throw new InvalidInputException("table", "analytics.export.table");
        }
        write(format, export, response, locale);
    }

    <R> void write(ExportFormat format, AnalyticsTables.Export<R> export, HttpServletResponse response,
            Locale locale) {
        TableExports.write(format, export.table(), messages, locale, response, sink -> export.rows().forEach(sink));
    }
}
