package org.openetp.billing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.Currencies;
import org.openetp.shared.Money;

/** Collects every field error of one request, so that all are reported at once and nothing is stored. */
public final class Checks {

    /** NUMERIC(19, 2): at most 17 digits before the point. */
    private static final int MAX_INTEGER_DIGITS = 17;

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String messageKey) {
        errors.add(new FieldError(field, messageKey));
    }

    /** A required text, stripped, at most {@code max} characters. */
    public @Nullable String text(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "field.required");
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            add(field, "field.tooLong");
            return null;
        }
        return stripped;
    }

    /** A required ISO 4217 currency code, upper-cased. */
    public @Nullable String currency(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            add(field, "field.required");
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!Currencies.acceptable(code)) {
            add(field, "billing.currency.invalid");
            return null;
        }
        return code;
    }

    /**
     * The amount in the currency, when both were valid: an amount with more decimals than the currency keeps (half a
     * yen) is refused on {@code field} here, where the ledger would otherwise refuse it only when the invoice is paid.
     */
    public @Nullable Money money(String field, @Nullable BigDecimal amount, @Nullable String currency) {
        if (amount == null || currency == null) {
            return null;
        }
        if (Math.max(amount.stripTrailingZeros().scale(), 0) > Money.scaleOf(currency)) {
            add(field, "money.amount.scale");
            return null;
        }
        return Money.of(amount, currency);
    }

    /** A required amount above zero with at most two decimals that the database can hold. */
    public @Nullable BigDecimal amount(String field, @Nullable BigDecimal value) {
        if (value == null) {
            add(field, "field.required");
            return null;
        }
        return optionalAmount(field, value);
    }

    /** As {@link #amount}, but absent is fine. */
    public @Nullable BigDecimal optionalAmount(String field, @Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (value.signum() <= 0 || Math.max(stripped.scale(), 0) > 2
                || stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            add(field, "billing.amount.invalid");
            return null;
        }
        return value.setScale(2);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws the collected errors (400), if there are any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
