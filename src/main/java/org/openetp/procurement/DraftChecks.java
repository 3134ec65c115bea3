package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Classifier;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.domain.TenderRules;
import org.openetp.shared.FieldChecks;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;

/**
 * The rules a procedure's content obeys, shared by creation, the draft editor and publication: one place decides
 * what a complete lot, criterion list or settings block is, so a draft can never be published with less than a new
 * procedure is created with. Each check adds a named field error and carries on, so every mistake is reported at once.
 */
final class DraftChecks {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Most lots one procedure takes. */
    static final int MAX_LOTS = 500;

    private DraftChecks() {
    }

    /** Checks a whole procedure as given on creation or on replacing a draft; refuses it naming every bad field. */
    static ProcedureDraft check(Classifier classifier, CreateProcedure command, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        ProcedureKind kind = parseKind(command.kind(), errors);
        String title = text(errors, "title", command.title(), 500);
        String description = text(errors, "description", command.description(), 20_000);
        String currency = currency(errors, command.currency());
        if (command.submissionDeadline() == null) {
            errors.add(new FieldError("submissionDeadline", "field.required"));
        } else if (!command.submissionDeadline().isAfter(now)) {
            errors.add(new FieldError("submissionDeadline", "procedure.deadline.past"));
        }
        List<Lot> lots = lots(classifier, errors, command.lots());
        List<Criterion> criteria = criteria(errors, kind, command.criteria());
        ProcedureSettings settings = ProcedureSettings.parse(command.settings(), kind, errors).forKind(kind, errors);
        settings = TenderRules.preset(kind, settings, command.settings(), command.submissionDeadline(), now, errors);
        AuctionSettings auction = settings.auction();
        if (auction != null && command.submissionDeadline() != null
                && auction.auctionStart().isBefore(command.submissionDeadline())) {
            // Applications are the initial offers: the live auction cannot begin before they are all in.
            errors.add(new FieldError("settings.auctionStart", "settings.auction.beforeDeadline"));
        }
        if (!roomAboveReserve(kind, settings, lots.stream().map(Lot::startPrice).toList())) {
            // The Dutch clocks run between the reserve and the start price, so there must be room between them.
            errors.add(new FieldError("settings.reservePrice", "settings.auction.reserveRequired"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ProcedureDraft(kind, title, description, currency, command.submissionDeadline(), lots, criteria,
                settings);
    }

    /**
     * Checks a stored draft again just before publication: at least one lot, each complete and still naming a known
     * category and region (the classifier may have changed since the lot was saved), each error named by the lot's
     * position ({@code lots[1].categoryCode}).
     */
    static void requirePublishable(Classifier classifier, Procedure draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.lots().isEmpty()) {
            errors.add(new FieldError("lots", "procedure.lots.required"));
        }
        for (int i = 0; i < draft.lots().size(); i++) {
            Lot l = draft.lots().get(i);
            lot(classifier, errors, "lots[" + i + "].", asNew(l), l.id(), l.number());
        }
        if (!roomAboveReserve(draft.kind(), draft.settings(), draft.lots().stream().map(Lot::startPrice).toList())) {
            errors.add(new FieldError("settings.reservePrice", "settings.auction.reserveRequired"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** A price-clock auction needs a reserve price below every lot's start price; other kinds always pass. */
    static boolean roomAboveReserve(ProcedureKind kind, ProcedureSettings settings, List<BigDecimal> startPrices) {
        AuctionSettings auction = settings.auction();
        if (auction == null || !kind.presets(ProcedureKind.Preset.PRICE_CLOCK)) {
            return true;
        }
        return auction.reservePrice() != null
                && startPrices.stream().noneMatch(p -> auction.reservePrice().compareTo(p) >= 0);
    }

    /** A stored lot as the API gives it, to check it again by the same rules. */
    static CreateProcedure.NewLot asNew(Lot l) {
        return new CreateProcedure.NewLot(l.title(), l.categoryCode(), l.quantity(), l.unit(), l.startPrice(),
                l.deliveryRegion(), l.security() == null ? null
                        : new CreateProcedure.NewSecurity(l.security().kind().name(), l.security().value()));
    }

    static ProcedureKind parseKind(@Nullable String kind, List<FieldError> errors) {
        if (kind == null || kind.isBlank()) {
            errors.add(new FieldError("kind", "field.required"));
            return ProcedureKind.REQUEST_FOR_QUOTATIONS;
        }
        try {
            return ProcedureKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "procedure.kind.unknown"));
            return ProcedureKind.REQUEST_FOR_QUOTATIONS;
        }
    }

    static String text(List<FieldError> errors, String field, @Nullable String value, int max) {
        return Objects.requireNonNullElse(new FieldChecks(errors).text(field, value, max), "");
    }

    static String currency(List<FieldError> errors, @Nullable String value) {
        return Objects.requireNonNullElse(new FieldChecks(errors).currency("currency", value,
                "procedure.currency.unknown"), "");
    }

    static List<Lot> lots(Classifier classifier, List<FieldError> errors,
            @Nullable List<CreateProcedure.NewLot> lots) {
        if (lots == null || lots.isEmpty()) {
            errors.add(new FieldError("lots", "procedure.lots.required"));
            return List.of();
        }
        if (lots.size() > MAX_LOTS) {
            errors.add(new FieldError("lots", "procedure.lots.tooMany"));
            return List.of();
        }
        List<Lot> result = new ArrayList<>();
        for (int i = 0; i < lots.size(); i++) {
            result.add(lot(classifier, errors, "lots[" + i + "].", lots.get(i), LotId.random(), i + 1));
        }
        return result;
    }

    /**
     * One lot, its fields named with {@code prefix} ({@code lots[0].} on creation, nothing on the draft editor's lot
     * endpoints); an incomplete lot gets placeholder values that are never stored, since its errors are thrown.
     */
    static Lot lot(Classifier classifier, List<FieldError> errors, String prefix, CreateProcedure.NewLot l, LotId id,
            int number) {
        String title = text(errors, prefix + "title", l.title(), 500);
        String category = text(errors, prefix + "categoryCode", l.categoryCode(), 20);
        if (!category.isEmpty() && !classifier.unknownCategories(List.of(category)).isEmpty()) {
            errors.add(new FieldError(prefix + "categoryCode", "category.unknown"));
        }
        String unit = text(errors, prefix + "unit", l.unit(), 40);
        if (l.quantity() == null || l.quantity().signum() <= 0) {
            errors.add(new FieldError(prefix + "quantity", "lot.quantity.positive"));
        }
        if (l.startPrice() == null || l.startPrice().signum() <= 0 || l.startPrice().scale() > 2) {
            errors.add(new FieldError(prefix + "startPrice", "lot.startPrice.positive"));
        }
        String region = l.deliveryRegion() == null || l.deliveryRegion().isBlank() ? null : l.deliveryRegion().strip();
        if (region != null && !classifier.regionExists(region)) {
            errors.add(new FieldError(prefix + "deliveryRegion", "region.unknown"));
        }
        SecurityRequirement security = security(errors, prefix, l.security(), l.startPrice());
        return new Lot(id, number, title, category, l.quantity() == null ? BigDecimal.ONE : l.quantity(), unit,
                l.startPrice() == null ? BigDecimal.ONE : l.startPrice(), region, security, Lot.Status.OPEN, null);
    }

    /** A lot's bid security: a percent of the start price (at most 100) or a fixed amount up to the start price. */
    static @Nullable SecurityRequirement security(List<FieldError> errors, String prefix,
            CreateProcedure.@Nullable NewSecurity given, @Nullable BigDecimal startPrice) {
        if (given == null) {
            return null;
        }
        SecurityRequirement.Kind kind;
        try {
            kind = SecurityRequirement.Kind.valueOf(String.valueOf(given.kind()));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(prefix + "security.kind", "lot.security.kind"));
            return null;
        }
        BigDecimal value = given.value();
        if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > 2
                || kind == SecurityRequirement.Kind.PERCENT && value.compareTo(HUNDRED) > 0
                || kind == SecurityRequirement.Kind.FIXED && startPrice != null && value.compareTo(startPrice) > 0) {
            errors.add(new FieldError(prefix + "security.value", "lot.security.value"));
            return null;
        }
        return new SecurityRequirement(kind, value);
    }

    static List<Criterion> criteria(List<FieldError> errors, ProcedureKind kind,
            @Nullable List<CreateProcedure.NewCriterion> given) {
        if (kind.priceOnly() || given == null || given.isEmpty()) {
            if (!kind.priceOnly()) {
                errors.add(new FieldError("criteria", "procedure.criteria.required"));
            }
            return List.of(new Criterion(Criterion.PRICE, HUNDRED));
        }
        List<Criterion> criteria = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (CreateProcedure.NewCriterion c : given) {
            if (c.code() == null || !c.code().matches("[a-z][a-zA-Z0-9]{0,39}") || !codes.add(c.code())
                    || c.weight() == null || c.weight().signum() <= 0) {
                errors.add(new FieldError("criteria", "procedure.criteria.invalid"));
                return List.of();
            }
            criteria.add(new Criterion(c.code(), c.weight()));
            sum = sum.add(c.weight());
        }
        if (!codes.contains(Criterion.PRICE) || sum.compareTo(HUNDRED) != 0) {
            errors.add(new FieldError("criteria", "procedure.criteria.weights"));
        }
        return criteria;
    }
}
