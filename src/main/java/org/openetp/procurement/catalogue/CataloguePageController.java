package org.openetp.procurement.catalogue;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Category;
import org.openetp.classifier.Classifier;
import org.openetp.classifier.Region;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/** The public catalogue page: the search form with its filters, one page of results and the links to the others. */
@Controller
class CataloguePageController {

    /** A category in the picker, indented by its depth in the tree. */
    record CategoryOption(String code, String label) {
    }

    /** A link of the pager; {@code url} is null for the current page. */
    record PageLink(String label, @Nullable String url) {
    }

    private final Catalogue catalogue;
    /**
     * The category tree and the regions in each language, for the pickers and the names of every result: read for
     * every page they cost more than the search itself, and they change only when the operator extends the tree.
     */
    private final LoadingCache<Locale, List<Category>> trees;
    private final LoadingCache<Locale, List<Region>> regionLists;

    CataloguePageController(Catalogue catalogue, Classifier classifier) {
        this.catalogue = catalogue;
        this.trees = Caffeine.newBuilder().maximumSize(10).expireAfterWrite(Duration.ofMinutes(1))
                .build(classifier::all);
        this.regionLists = Caffeine.newBuilder().maximumSize(10).expireAfterWrite(Duration.ofMinutes(1))
                .build(classifier::regions);
    }

    @GetMapping("/procedures")
    String catalogue(CatalogueSearch search, HttpServletRequest request, Model model) {
        Locale locale = RequestContextUtils.getLocale(request);
        Map<String, String> errors = new LinkedHashMap<>();
        CataloguePage result = null;
        try {
            result = catalogue.search(withFacets(search));
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.messageKey()));
        }
        List<Category> tree = trees.get(locale);
        List<Region> regions = regionLists.get(locale);
        Map<String, String> categoryNames = new HashMap<>();
        tree.forEach(c -> categoryNames.put(c.code(), c.name()));
        Map<String, String> regionNames = new HashMap<>();
        regions.forEach(r -> regionNames.put(r.code(), r.name()));

        model.addAttribute("form", form(search));
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("categories", options(tree));
        model.addAttribute("categoryNames", categoryNames);
        model.addAttribute("regions", regions);
        model.addAttribute("regionNames", regionNames);
        model.addAttribute("kinds", Arrays.stream(ProcedureKind.values())
                .filter(ProcedureKind::openToAll).toList());
        model.addAttribute("statuses", Arrays.stream(ProcedureStatus.values())
                .filter(s -> s != ProcedureStatus.DRAFT).toList());
        model.addAttribute("sorts", Arrays.stream(CatalogueSort.values()).map(CatalogueSort::token).toList());
        model.addAttribute("pages", result == null ? List.of() : pages(result, request));
        model.addAttribute("facetLinks", result == null || result.facets() == null ? Map.of()
                : facetLinks(result.facets(), request));
        model.addAttribute("nextUrl", result == null || result.next() == null ? null
                : UriComponentsBuilder.fromPath("/procedures").query(request.getQueryString())
                        .replaceQueryParam("page").replaceQueryParam("cursor", result.next()).build().encode()
                        .toUriString());
        return "procurement/catalogue";
    }

    /** The page always shows the facets beside the results. */
    private static CatalogueSearch withFacets(CatalogueSearch s) {
        return new CatalogueSearch(s.q(), s.category(), s.region(), s.kind(), s.status(), s.currency(), s.priceFrom(),
                s.priceTo(), s.deadlineFrom(), s.deadlineTo(), s.sort(), s.page(), s.size(), s.cursor(), "true");
    }

    /** For each facet value ("category:C", "region:RU-MOW", "kind:OPEN_TENDER"), the search narrowed to it. */
    private static Map<String, String> facetLinks(Facets facets, HttpServletRequest request) {
        Map<String, String> links = new HashMap<>();
        Map<String, List<Facets.Count>> by = Map.of("category", facets.categories(), "region", facets.regions(),
                "kind", facets.kinds());
        by.forEach((param, counts) -> counts.forEach(c -> links.put(param + ":" + c.value(),
                UriComponentsBuilder.fromPath("/procedures").query(request.getQueryString())
                        .replaceQueryParam("page").replaceQueryParam("cursor")
                        .replaceQueryParam(param, c.value()).build().toUriString())));
        return links;
    }

    /** The form shows one value per filter; the API takes several. */
    private static Map<String, String> form(CatalogueSearch s) {
        Map<String, String> form = new HashMap<>();
        form.put("q", orEmpty(s.q()));
        form.put("category", first(s.category()));
        form.put("region", first(s.region()));
        form.put("kind", first(s.kind()));
        form.put("status", first(s.status()));
        form.put("currency", orEmpty(s.currency()));
        form.put("priceFrom", orEmpty(s.priceFrom()));
        form.put("priceTo", orEmpty(s.priceTo()));
        form.put("deadlineFrom", orEmpty(s.deadlineFrom()));
        form.put("deadlineTo", orEmpty(s.deadlineTo()));
        form.put("sort", orEmpty(s.sort()));
        return form;
    }

    private static List<CategoryOption> options(List<Category> tree) {
        Map<String, Integer> depth = new HashMap<>();
        List<CategoryOption> options = new ArrayList<>();
        // The tree comes parents first, so a parent's depth is known when its children arrive.
        for (Category c : tree) {
            int d = c.parentCode() == null ? 0 : depth.getOrDefault(c.parentCode(), 0) + 1;
            depth.put(c.code(), d);
            options.add(new CategoryOption(c.code(), "\u00a0\u00a0\u00a0".repeat(d) + c.code() + " " + c.name()));
        }
        return options;
    }

    /** Previous, a window of page numbers around the current one, next; numbers shown from 1. */
    private static List<PageLink> pages(CataloguePage result, HttpServletRequest request) {
        int last = (int) Math.max(0, (result.total() - 1) / result.size());
        if (last == 0) {
            return List.of();
        }
        List<PageLink> links = new ArrayList<>();
        if (result.page() > 0) {
            links.add(new PageLink("«", url(request, result.page() - 1)));
        }
        for (int p = Math.max(0, result.page() - 3); p <= Math.min(last, result.page() + 3); p++) {
            links.add(new PageLink(Integer.toString(p + 1), p == result.page() ? null : url(request, p)));
        }
        if (result.page() < last) {
            links.add(new PageLink("»", url(request, result.page() + 1)));
        }
        return links;
    }

    private static String url(HttpServletRequest request, int page) {
        return UriComponentsBuilder.fromPath("/procedures").query(request.getQueryString())
                .replaceQueryParam("page", page).build().toUriString();
    }

    private static String first(@Nullable List<String> values) {
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
