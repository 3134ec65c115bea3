package org.openetp.shared;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Decimals} bounds of a command, for commands that do not come from JSON (HTML forms, CSV), where the
 * edge that reads JSON cannot check them: every decimal of the record, of its nested records and of their lists.
 */
public final class DecimalBounds {

    private DecimalBounds() {
    }

    /** Refuses the command, naming each decimal beyond its column ({@code lots[0].startPrice}). */
    public static void require(Object command) {
        List<FieldError> errors = new ArrayList<>();
        collect(command, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The message key for a decimal beyond {@code integer} digits before the point or {@code fraction} after it. */
    public static @Nullable String violation(BigDecimal value, int integer, int fraction) {
        BigDecimal plain = value.stripTrailingZeros();
        if (Math.max(0, plain.scale()) > fraction) {
            return "input.decimal.fraction";
        }
        if (plain.precision() - plain.scale() > integer) {
            return "input.decimal.integer";
        }
        return null;
    }

    private static void collect(@Nullable Object value, String path, List<FieldError> errors) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), path + "[" + i + "]", errors);
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                String field = path.isEmpty() ? component.getName() : path + "." + component.getName();
                Object item = read(component, value);
                Decimals bounds = component.getAnnotation(Decimals.class);
                if (item instanceof BigDecimal decimal) {
                    String key = bounds == null ? violation(decimal, Decimals.MONEY_INTEGER, 2)
                            : violation(decimal, bounds.integer(), bounds.fraction());
                    if (key != null) {
                        errors.add(new FieldError(field, key.replace("decimal.", "decimal.bounds.")));
                    }
                } else {
                    collect(item, field, errors);
                }
            }
        }
    }

    private static @Nullable Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }
}
