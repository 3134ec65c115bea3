package org.openetp.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Why a request body could not be read, as API.md's field errors: the JSON path of the value Jackson stopped at
 * ({@code lots[0].quantity}), a code and, for a value of the wrong type, the type expected.
 */
record UnreadableBody(String field, String code, Object[] args, @Nullable String expected) {

    /** Explains the cause of an unreadable body; a body that is no JSON at all is named {@code body}. */
    static UnreadableBody of(Throwable failure) {
        InvalidInputException invalid = find(failure, InvalidInputException.class);
        JacksonException jackson = find(failure, JacksonException.class);
        String path = jackson == null ? "" : path(jackson);
        if (invalid != null && !invalid.errors().isEmpty()) {
            FieldError first = invalid.errors().getFirst();
            String field = path.isEmpty() ? first.field() : first.field().isEmpty() ? path : path + "." + first.field();
            return new UnreadableBody(field, first.messageKey(), new Object[0], null);
        }
        String field = path.isEmpty() ? "body" : path;
        if (jackson instanceof RefusedInput refused) {
            return new UnreadableBody(field, refused.code(), refused.args(), null);
        }
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = expected(mismatch.getTargetType());
            return new UnreadableBody(field, "input.type", new Object[] {expected}, expected);
        }
        return new UnreadableBody(field, path.isEmpty() ? "input.body" : "input.type", new Object[] {"?"}, null);
    }

    /** The JSON path as API.md spells fields: properties joined by dots, list positions in brackets. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (List.of(Integer.class, int.class, Long.class, long.class, Short.class, short.class, BigInteger.class)
                .contains(type)) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        return simpleName(type);
    }

    private static String simpleName(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "string";
        }
        if (type == UUID.class) {
            return "uuid";
        }
        if (type == LocalDate.class) {
            return "date (2026-12-01)";
        }
        if (type == Duration.class) {
            return "duration (ISO-8601, P1D)";
        }
        if (type == Instant.class || Temporal.class.isAssignableFrom(type)) {
            return "date-time (2026-12-01T10:00:00Z)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "object" : type.getSimpleName();
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
