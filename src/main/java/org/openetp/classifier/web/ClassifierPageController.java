package org.openetp.classifier.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Category;
import org.openetp.classifier.Classifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Browse the category tree level by level, or search it by code or name. */
@Controller
class ClassifierPageController {

    private final Classifier classifier;

    ClassifierPageController(Classifier classifier) {
        this.classifier = classifier;
    }

    @GetMapping("/classifier")
    String browse(@RequestParam(required = false) @Nullable String parent,
            @RequestParam(required = false) @Nullable String q, Model model, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        model.addAttribute("categories", classifier.categories(parent, q, locale));
        model.addAttribute("trail", parent == null ? List.of() : trail(parent, locale));
        model.addAttribute("q", q);
        model.addAttribute("regions", classifier.regions(locale));
        return "classifier/browse";
    }

    /** The path from the root down to {@code code}, for the breadcrumb. */
    private List<Category> trail(String code, Locale locale) {
        List<Category> path = new ArrayList<>();
        String current = code;
        while (current != null && path.size() < 10) {
            Category category = classifier.categoriesByCode(List.of(current), locale).stream().findFirst()
                    .orElse(null);
            if (category == null) {
                break;
            }
            path.addFirst(category);
            current = category.parentCode();
        }
        return path;
    }
}
