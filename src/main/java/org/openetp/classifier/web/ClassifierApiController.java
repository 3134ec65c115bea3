package org.openetp.classifier.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Category;
import org.openetp.classifier.Classifier;
import org.openetp.classifier.NewCategory;
import org.openetp.classifier.Region;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Public classifier look-ups in the caller's language; the operator extends the tree. */
@RestController
class ClassifierApiController {

    private final Classifier classifier;

    ClassifierApiController(Classifier classifier) {
        this.classifier = classifier;
    }

    @GetMapping("/api/v1/classifier/categories")
    List<Category> categories(@RequestParam(required = false) @Nullable String parent,
            @RequestParam(required = false) @Nullable String q, HttpServletRequest request) {
        return classifier.categories(parent, q, RequestContextUtils.getLocale(request));
    }

    @GetMapping("/api/v1/classifier/regions")
    List<Region> regions(HttpServletRequest request) {
        return classifier.regions(RequestContextUtils.getLocale(request));
    }

    @PostMapping("/api/v1/operator/classifier/categories")
    @ResponseStatus(HttpStatus.CREATED)
    void add(@RequestBody NewCategory category) {
        classifier.addCategory(category);
    }
}
