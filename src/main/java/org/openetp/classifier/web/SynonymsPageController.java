package org.openetp.classifier.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openetp.classifier.Classifier;
import org.openetp.classifier.Synonym;
import org.openetp.classifier.Synonyms;
import org.openetp.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The operator's page of category synonyms: the list, a form to add one, a button to remove each. */
@Controller
class SynonymsPageController {

    private static final String PAGE = "/operator/classifier/synonyms";

    private final Synonyms synonyms;
    private final Classifier classifier;

    SynonymsPageController(Synonyms synonyms, Classifier classifier) {
        this.synonyms = synonyms;
        this.classifier = classifier;
    }

    @GetMapping(PAGE)
    String page(Model model, HttpServletRequest request) {
        return show(model, request, new Synonym("", "ru", ""), Map.of());
    }

    @PostMapping(PAGE)
    String add(@ModelAttribute Synonym synonym, Model model, HttpServletRequest request) {
        try {
            synonyms.add(synonym);
            return "redirect:" + PAGE;
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.messageKey()));
            return show(model, request, synonym, errors);
        }
    }

    @PostMapping(PAGE + "/remove")
    String remove(@ModelAttribute Synonym synonym) {
        synonyms.remove(synonym);
        return "redirect:" + PAGE;
    }

    private String show(Model model, HttpServletRequest request, Synonym form, Map<String, String> errors) {
        Map<String, String> names = new HashMap<>();
        classifier.all(RequestContextUtils.getLocale(request)).forEach(c -> names.put(c.code(), c.name()));
        Map<String, List<Synonym>> byCategory = new LinkedHashMap<>();
        synonyms.all().forEach(s -> byCategory.computeIfAbsent(s.categoryCode(), k -> new java.util.ArrayList<>())
                .add(s));
        model.addAttribute("byCategory", byCategory);
        model.addAttribute("names", names);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "classifier/synonyms";
    }
}
