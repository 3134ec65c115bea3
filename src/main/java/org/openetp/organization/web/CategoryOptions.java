package org.openetp.organization.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openetp.classifier.Category;
import org.openetp.classifier.Classifier;

/** The category tree flattened for a select box: each top-level section with everything below it, in order. */
record CategoryOptions(Category section, List<Category> entries) {

    static List<CategoryOptions> of(Classifier classifier, Locale locale) {
        List<CategoryOptions> options = new ArrayList<>();
        for (Category c : classifier.all(locale)) {
            if (c.parentCode() == null) {
                options.add(new CategoryOptions(c, new ArrayList<>()));
            } else {
                options.getLast().entries().add(c);
            }
        }
        return options;
    }
}
