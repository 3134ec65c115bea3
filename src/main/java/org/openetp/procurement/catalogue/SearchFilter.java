package org.openetp.procurement.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.Currencies;

/**
 * A validated catalogue query. {@code substringTerms} is set instead of {@code fullText} when the query holds Thai
 * text; {@code alsoCategories} are the categories the words name (their procedures match too); {@code deadlineBefore}
 * is exclusive; {@code cursor}, when set, replaces the page number. Equal filters are the same search: the record
 * is the key of the cached pages.
 */
record SearchFilter(@Nullable String fullText, List<String> substringTerms, List<NamedTerm> named,
        List<String> rest, List<String> categories, List<String> regions, List<ProcedureKind> kinds, List<ProcedureStatus> statuses,
        @Nullable String currency, @Nullable BigDecimal priceFrom, @Nullable BigDecimal priceTo,
        @Nullable Instant deadlineFrom, @Nullable Instant deadlineBefore, CatalogueSort sort, int page, int size,
        @Nullable Cursor cursor, boolean facets) {

    /** The same search, its words split into those naming categories and the rest. */
    SearchFilter named(List<NamedTerm> terms, List<String> others) {
        return new SearchFilter(fullText, substringTerms, List.copyOf(terms), List.copyOf(others), categories,
                regions, kinds, statuses, currency, priceFrom, priceTo, deadlineFrom, deadlineBefore, sort, page,
                size, cursor, facets);
    }

    /** Whether a filter besides the words narrows the matches: a category, region, price or deadline range. */
    boolean narrowed() {
        return !categories.isEmpty() || !regions.isEmpty() || priceFrom != null || priceTo != null
                || deadlineFrom != null || deadlineBefore != null;
    }

    /** Every category the words name. */
    List<String> namedCategories() {
        return named.stream().flatMap(t -> t.categories().stream()).distinct().toList();
    }

    private static final int DEFAULT_SIZE = 20;
    private static final int MAX_SIZE = 100;
    private static final int MAX_QUERY_LENGTH = 200;
    private static final int MAX_CURSOR_LENGTH = 300;
    private static final int MAX_VALUES = 20;
    private static final int MAX_SUBSTRING_TERMS = 8;
    /** A trigram index finds nothing to look up in a shorter term and would have to read every Thai procedure. */
    private static final int MIN_SUBSTRING_LENGTH = 3;
    /** The largest amount NUMERIC(19, 2) holds. */
    private static final BigDecimal MAX_PRICE = new BigDecimal("99999999999999999.99");

    /** Validates a query as sent, naming every bad parameter at once; unknown codes are bad parameters too. */
    static SearchFilter parse(CatalogueSearch in, KnownCodes codes) {
        List<FieldError> errors = new ArrayList<>();
        String q = in.q() == null ? "" : in.q().strip();
        String fullText = null;
        List<String> substringTerms = List.of();
        if (q.length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldError("q", "catalogue.q.tooLong"));
        } else if (thai(q)) {
            substringTerms = substringTerms(q);
            if (substringTerms.isEmpty()) {
                errors.add(new FieldError("q", "catalogue.q.tooShort"));
            }
        } else if (q.codePoints().anyMatch(Character::isLetterOrDigit)) {
            fullText = q;
        }

        List<String> categories = values(errors, "category", in.category(), v -> v.toUpperCase(Locale.ROOT));
        if (categories.stream().anyMatch(c -> !c.matches("[A-Z0-9][A-Z0-9.]{0,19}") || !codes.category(c))) {
            errors.add(new FieldError("category", "catalogue.category.unknown"));
        }
        List<String> regions = values(errors, "region", in.region(), v -> v.toUpperCase(Locale.ROOT));
        if (regions.stream().anyMatch(r -> !r.matches("[A-Z]{2}-[A-Z0-9]{1,3}") || !codes.region(r))) {
            errors.add(new FieldError("region", "catalogue.region.unknown"));
        }
        List<ProcedureKind> kinds = kinds(errors, in);
        List<ProcedureStatus> statuses = statuses(errors, in);
        String currency = blank(in.currency()) ? null : in.currency().strip().toUpperCase(Locale.ROOT);
        if (currency != null && !validCurrency(currency)) {
            errors.add(new FieldError("currency", "catalogue.currency.unknown"));
        }
        BigDecimal priceFrom = price(errors, "priceFrom", in.priceFrom());
        BigDecimal priceTo = price(errors, "priceTo", in.priceTo());
        if (priceFrom != null && priceTo != null && priceFrom.compareTo(priceTo) > 0) {
            errors.add(new FieldError("priceTo", "catalogue.price.range"));
        }
        Instant deadlineFrom = deadline(errors, "deadlineFrom", in.deadlineFrom(), false);
        Instant deadlineBefore = deadline(errors, "deadlineTo", in.deadlineTo(), true);
        if (deadlineFrom != null && deadlineBefore != null && !deadlineFrom.isBefore(deadlineBefore)) {
            errors.add(new FieldError("deadlineTo", "catalogue.deadline.range"));
        }

        CatalogueSort sort = sort(errors, in.sort(), fullText != null || !substringTerms.isEmpty());
        int size = number(errors, "size", in.size(), DEFAULT_SIZE, 1, MAX_SIZE, "catalogue.size.range");
        int page = number(errors, "page", in.page(), 0, 0, Integer.MAX_VALUE, "catalogue.page.invalid");
        // Offsets are bounded by the count cap: past it, a narrower query is the way on, not a deeper page.
        if ((long) (page + 1) * size > Catalogue.COUNT_CAP) {
            errors.add(new FieldError("page", "catalogue.page.tooDeep"));
        }
        Cursor cursor = cursor(errors, in, sort, page);
        boolean facets = !blank(in.facets()) && Boolean.parseBoolean(in.facets().strip());
        if (!blank(in.facets()) && !in.facets().strip().matches("(?i)true|false")) {
            errors.add(new FieldError("facets", "catalogue.facets.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SearchFilter(fullText, substringTerms, List.of(), List.of(), categories, regions, kinds, statuses,
                currency, priceFrom, priceTo, deadlineFrom, deadlineBefore, sort, page, size, cursor, facets);
    }

    /** Thai text has no spaces between words: it is matched as substrings. */
    private static boolean thai(String q) {
        return q.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.THAI);
    }

    private static CatalogueSort sort(List<FieldError> errors, @Nullable String token, boolean words) {
        CatalogueSort sort = words ? CatalogueSort.RELEVANCE : CatalogueSort.NEWEST;
        if (!blank(token)) {
            CatalogueSort chosen = CatalogueSort.fromToken(token);
            if (chosen == null) {
                errors.add(new FieldError("sort", "catalogue.sort.unknown"));
            } else if (chosen != CatalogueSort.RELEVANCE || words) {
                // Relevance needs words to be relevant to; without them the newest come first.
                sort = chosen;
            }
        }
        return sort;
    }

    private static List<ProcedureKind> kinds(List<FieldError> errors, CatalogueSearch in) {
        List<ProcedureKind> kinds = new ArrayList<>();
        for (String value : values(errors, "kind", in.kind(), v -> v.toUpperCase(Locale.ROOT))) {
            ProcedureKind kind = constant(ProcedureKind.class, value);
            if (kind == null) {
                errors.add(new FieldError("kind", "catalogue.kind.unknown"));
            } else if (!kind.openToAll()) {
                errors.add(new FieldError("kind", "catalogue.kind.notPublic"));
            } else {
                kinds.add(kind);
            }
        }
        return List.copyOf(kinds);
    }

    private static List<ProcedureStatus> statuses(List<FieldError> errors, CatalogueSearch in) {
        List<ProcedureStatus> statuses = new ArrayList<>();
        for (String value : values(errors, "status", in.status(), v -> v.toUpperCase(Locale.ROOT))) {
            ProcedureStatus status = constant(ProcedureStatus.class, value);
            if (status == null) {
                errors.add(new FieldError("status", "catalogue.status.unknown"));
            } else if (status == ProcedureStatus.DRAFT) {
                errors.add(new FieldError("status", "catalogue.status.notPublic"));
            } else {
                statuses.add(status);
            }
        }
        return List.copyOf(statuses);
    }

    /** The cursor sent back, for this sort; a page number beside it is a contradiction. */
    private static @Nullable Cursor cursor(List<FieldError> errors, CatalogueSearch in, CatalogueSort sort, int page) {
        if (blank(in.cursor())) {
            return null;
        }
        Cursor cursor = in.cursor().length() > MAX_CURSOR_LENGTH ? null : Cursor.decode(in.cursor(), sort);
        if (cursor == null) {
            errors.add(new FieldError("cursor", "catalogue.cursor.invalid"));
        } else if (page != 0) {
            errors.add(new FieldError("cursor", "catalogue.cursor.withPage"));
        }
        return cursor;
    }

    private static List<String> substringTerms(String q) {
        Set<String> terms = new LinkedHashSet<>();
        for (String term : q.split("\\s+")) {
            if (term.codePointCount(0, term.length()) >= MIN_SUBSTRING_LENGTH) {
                terms.add(term);
            }
        }
        return List.copyOf(terms).subList(0, Math.min(terms.size(), MAX_SUBSTRING_TERMS));
    }

    /** The values of a list parameter, also split at commas, stripped and without duplicates. */
    private static List<String> values(List<FieldError> errors, String field, @Nullable List<String> given,
            Function<String, String> normalize) {
        if (given == null) {
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String value : given) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(normalize.apply(part.strip()));
                }
            }
        }
        if (values.size() > MAX_VALUES) {
            errors.add(new FieldError(field, "catalogue.tooManyValues"));
            return List.of();
        }
        return List.copyOf(values);
    }

    private static <E extends Enum<E>> @Nullable E constant(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean validCurrency(String code) {
        return Currencies.acceptable(code);
    }

    private static @Nullable BigDecimal price(List<FieldError> errors, String field, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            BigDecimal price = new BigDecimal(value.strip());
            if (price.signum() >= 0 && price.compareTo(MAX_PRICE) <= 0) {
                return price;
            }
        } catch (NumberFormatException e) {
            // Reported below like any other unusable amount.
        }
        errors.add(new FieldError(field, "catalogue.price.invalid"));
        return null;
    }

    /**
     * An ISO-8601 instant or a date (a whole UTC day). Upper bounds come back exclusive: the next day for a date,
     * one microsecond (PostgreSQL's precision) past an instant.
     */
    private static @Nullable Instant deadline(List<FieldError> errors, String field, @Nullable String value,
            boolean upper) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (upper ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant instant = Instant.parse(v);
            return upper ? instant.plusNanos(1_000) : instant;
        } catch (DateTimeParseException | ArithmeticException e) {
            errors.add(new FieldError(field, "catalogue.deadline.invalid"));
            return null;
        }
    }

    private static int number(List<FieldError> errors, String field, @Nullable String value, int fallback, int min,
            int max, String messageKey) {
        if (blank(value)) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below like any other number out of range.
        }
        errors.add(new FieldError(field, messageKey));
        return fallback;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
