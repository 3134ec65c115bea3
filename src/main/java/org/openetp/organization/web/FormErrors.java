package org.openetp.organization.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openetp.shared.FieldError;

/** Field errors keyed by field path for the templates: {@code errors['organization.taxId']} is a message key. */
final class FormErrors {

    private FormErrors() {
    }

    static Map<String, String> byField(List<FieldError> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        for (FieldError e : errors) {
            map.putIfAbsent(e.field(), e.messageKey());
        }
        return map;
    }
}
