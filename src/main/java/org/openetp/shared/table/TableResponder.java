package org.openetp.shared.table;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What a controller does with a table request: renders the page (the model attribute {@code table}) or, when a file
 * is asked for, streams every matching row as CSV or XLSX in the reader's language. A controller method returning
 * the result answers nothing more when it is null (the file is written).
 */
@Component
public class TableResponder {

    private final MessageSource messages;

    TableResponder(MessageSource messages) {
        this.messages = messages;
    }

    /** A page: the view with the current page in {@code table}, or the file. */
    public <R> @Nullable String page(TableDefinition<R> table, String view, HttpServletRequest request,
            HttpServletResponse response, Model model, Function<TableQuery, TableSlice<R>> page,
            BiConsumer<TableQuery, Consumer<R>> all) {
        TableRequest<R> asked = TableRequest.of(table, request);
        if (asked.format().isPresent()) {
            file(asked, request, response, all);
            return null;
        }
        model.addAttribute("table", asked.page(page.apply(asked.query()), request));
        return view;
    }

    /**
     * An API list: its JSON body unchanged, or (for {@code ?format=} or an {@code Accept} header) the file of the
     * table's columns, filtered and sorted by the same parameters as the page.
     */
    public <R, T> @Nullable T list(TableDefinition<R> table, HttpServletRequest request, HttpServletResponse response,
            Supplier<T> json, BiConsumer<TableQuery, Consumer<R>> all) {
        TableRequest<R> asked = TableRequest.of(table, request);
        if (asked.format().isPresent()) {
            file(asked, request, response, all);
            return null;
        }
        return json.get();
    }

    private <R> void file(TableRequest<R> asked, HttpServletRequest request, HttpServletResponse response,
            BiConsumer<TableQuery, Consumer<R>> all) {
        TableExports.write(asked.format().orElseThrow(), asked.table(), messages,
                RequestContextUtils.getLocale(request), response, sink -> all.accept(asked.query().all(), sink));
    }
}
