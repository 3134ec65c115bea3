package org.openetp.loyalty;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.FieldError;

/** Numbers as people type them in a form: either decimal mark, spaces as group separators. */
final class FormNumbers {

    private FormNumbers() {
    }

    static @Nullable BigDecimal parse(@Nullable String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "loyalty.number.invalid"));
            return null;
        }
    }
}
