package org.openetp.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** Reads a page's shared table (templates/fragments/table.html) the way a person sees it: rows of cell texts. */
public final class TableHtml {

    private static final Pattern ROW = Pattern.compile("<tr class=\"table-row\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<a class=\"table-link\" href=\"([^\"]*)\"");

    private TableHtml() {
    }

    /** The part of the page holding the table of that name. */
    private static String section(String html, String name) {
        int start = html.indexOf("id=\"" + name + "-table\"");
        if (start < 0) {
            throw new AssertionError("no table " + name + " on the page");
        }
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }

    public static List<List<String>> rows(String html, String name) {
        List<List<String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(section(html, name));
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                // As a person reads it: the no-break spaces that keep "1 234,00 ₽" on one line are spaces.
                cells.add(HtmlUtils.htmlUnescape(cell.group(1).replaceAll("<[^>]+>", ""))
                        .replaceAll("[\\s\u00a0\u202f]+", " ").strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The addresses the rows' name links point to, in order. */
    public static List<String> links(String html, String name) {
        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(section(html, name));
        while (link.find()) {
            links.add(HtmlUtils.htmlUnescape(link.group(1)));
        }
        return links;
    }

    /** The value of a header's aria-sort, by the header's visible text ("absent" when it has none). */
    public static String ariaSort(String html, String name, String header) {
        Matcher th = Pattern.compile("<th\\b([^>]*)>(.*?)</th>", Pattern.DOTALL).matcher(section(html, name));
        while (th.find()) {
            if (th.group(2).contains(">" + HtmlUtils.htmlEscape(header) + "<")) {
                Matcher aria = Pattern.compile("aria-sort=\"(\\w+)\"").matcher(th.group(1));
                return aria.find() ? aria.group(1) : "absent";
            }
        }
        throw new AssertionError("no header " + header);
    }
}
