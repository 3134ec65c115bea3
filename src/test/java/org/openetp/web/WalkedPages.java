package org.openetp.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which pages the UI walk visits (issue 16), shared by the browser walk ({@link UiStandardWalkBrowserTests}) and the
 * page-timing benchmark: every link of the menu ({@code nav a[href]}, visible or not) to this host, except logging
 * out, the language switch, the API docs and the dev profile's mail outbox (a developer's tool that shows e-mails as
 * sent, links with ids and all; the e-mails' texts are the notification module's to test); and the first object page
 * of each kind a list page links to outside its menu (a procedure, a contract, an invoice, an organization, a CRM
 * record).
 */
public final class WalkedPages {

    /** An object page a list links to; group 1 is its kind. */
    private static final Pattern OBJECT_PAGE = Pattern.compile(
            "^/(procedures|contracts|invoices|organizations|operator/accounts|operator/organizations|crm/accounts|crm/deals)/[0-9a-f-]{36}$");
    private static final Pattern NAV = Pattern.compile("(?s)<nav\\b.*?</nav>");
    private static final Pattern HREF = Pattern.compile("<a\\b[^>]*\\shref=\"([^\"]*)\"");

    private WalkedPages() {
    }

    /** The page (path and query) a menu link leads to when it is in the walk. */
    public static Optional<String> menuPage(URI base, String href) {
        URI uri = base.resolve(href.replace("&amp;", "&"));
        String path = uri.getPath();
        String query = uri.getQuery();
        if (!sameOrigin(base, uri) || path == null || path.isEmpty() || (query != null && query.contains("lang="))
                || path.startsWith("/logout") || path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs")
                || path.startsWith("/api/") || path.startsWith("/dev/")) {
            return Optional.empty();
        }
        return Optional.of(path + (query == null ? "" : "?" + query));
    }

    /** The kind of object page ({@code procedures}, {@code crm/deals}...) a link leads to, if it is one. */
    public static Optional<String> objectKind(URI base, String href) {
        URI uri = base.resolve(href.replace("&amp;", "&"));
        if (!sameOrigin(base, uri) || uri.getPath() == null) {
            return Optional.empty();
        }
        Matcher m = OBJECT_PAGE.matcher(uri.getPath());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether a page is an object page (whose own links are not followed). */
    public static boolean isObjectPage(String page) {
        return OBJECT_PAGE.matcher(page).matches();
    }

    /** The links of a page's {@code <nav>} elements, from its HTML as served. */
    public static List<String> navLinks(String html) {
        List<String> links = new ArrayList<>();
        Matcher nav = NAV.matcher(html);
        while (nav.find()) {
            links.addAll(links(nav.group()));
        }
        return links;
    }

    /** The links of a page outside its {@code <nav>} elements, from its HTML as served. */
    public static List<String> contentLinks(String html) {
        return links(NAV.matcher(html).replaceAll(""));
    }

    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher a = HREF.matcher(html);
        while (a.find()) {
            links.add(a.group(1));
        }
        return links;
    }

    private static boolean sameOrigin(URI base, URI uri) {
        return base.getHost().equals(uri.getHost()) && base.getPort() == uri.getPort();
    }
}
