package org.openetp.opendata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.PublicProcedure;

/**
 * The {@code tender} object of a release: the procedure with its lots (lots extension), one item per lot with its
 * OKPD2 classification and delivery region, the documentation with each file's SHA-256, and its amendments.
 */
final class TenderSection {

    private TenderSection() {
    }

    /**
     * The tender as of the stage: at {@link Stage#TENDER} the first publication only (version 1, open lots), at
     * {@link Stage#FULL} as it is now.
     */
    static Json of(PublicProcedure p, Stage stage, Parties parties, Links links) {
        boolean full = stage == Stage.FULL;
        Json tender = Json.object()
                .put("id", p.id().toString())
                .put("title", p.title())
                .put("description", p.description())
                .put("status", full ? status(p.status()) : "active")
                .put("procuringEntity", parties.reference(p.buyer(), "procuringEntity"))
                .put("items", p.lots().stream().map(l -> item(l, p.currency())).toList())
                .put("value", total(p))
                .put("procurementMethod", method(p))
                .put("procurementMethodDetails", p.kind().name())
                .put("awardCriteria", p.kind().priceOnly() ? "priceOnly" : "ratedCriteria")
                .put("awardCriteriaDetails", criteria(p))
                .put("submissionMethod", List.of(p.kind().auction() ? "electronicAuction" : "electronicSubmission"))
                .put("tenderPeriod", period(p.publishedAt(), full ? p.submissionDeadline() : firstDeadline(p)))
                .put("enquiryPeriod", p.clarificationDeadline() == null ? null
                        : period(p.publishedAt(), p.clarificationDeadline()))
                .put("documents", p.documents().stream().filter(d -> full || !amendment(p, d.version()))
                        .map(d -> document(p, d, full, links)).toList())
                .put("amendments", full ? amendments(p) : null)
                .put("lots", p.lots().stream().map(l -> lot(p, l, full)).toList());
        if (full && p.openedAt() != null) {
            tender.put("awardPeriod", period(p.openedAt(), p.closedAt()));
        }
        return tender;
    }

    static Json period(@Nullable Instant start, @Nullable Instant end) {
        return Json.object().put("startDate", start == null ? null : start.toString())
                .put("endDate", end == null ? null : end.toString());
    }

    static Json value(@Nullable BigDecimal amount, String currency) {
        return amount == null ? Json.object() : Json.object().put("amount", amount).put("currency", currency);
    }

    /** The tender status code of the procedure's status (a draft is never published). */
    static String status(ProcedureStatus status) {
        return switch (status) {
            case DRAFT, PUBLISHED, OPENED, EVALUATION -> "active";
            case AWARDED -> "complete";
            case CANCELLED -> "cancelled";
            case FAILED -> "unsuccessful";
        };
    }

    /** Open to every supplier, selective when only invited or qualified ones may bid, limited for negotiations. */
    static String method(PublicProcedure p) {
        if (p.kind().negotiations()) {
            return "limited";
        }
        return p.byInvitation() || p.kind().presets(ProcedureKind.Preset.PREQUALIFICATION) ? "selective" : "open";
    }

    private static Instant firstDeadline(PublicProcedure p) {
        return p.versions().stream().filter(v -> !amendment(p, v.number())).findFirst()
                .map(PublicProcedure.Version::submissionDeadline).orElse(p.submissionDeadline());
    }

    private static Json item(PublicProcedure.Lot lot, String currency) {
        return Json.object()
                .put("id", String.valueOf(lot.number()))
                .put("description", lot.title())
                .put("classification", Json.object().put("scheme", "OKPD2").put("id", lot.categoryCode()))
                .put("quantity", lot.quantity())
                .put("unit", Json.object().put("name", lot.unit())
                        .put("value", value(lot.quantity().signum() == 0 ? null
                                : lot.startPrice().divide(lot.quantity(), 2, java.math.RoundingMode.HALF_UP),
                                currency)))
                .put("deliveryAddress", lot.deliveryRegion() == null ? null : Json.object()
                        .put("region", lot.deliveryRegion())
                        .put("countryName", Parties.countryName(lot.deliveryRegion().substring(0,
                                Math.min(2, lot.deliveryRegion().length())))))
                .put("relatedLot", lot.id().toString());
    }

    private static Json lot(PublicProcedure p, PublicProcedure.Lot lot, boolean full) {
        return Json.object()
                .put("id", lot.id().toString())
                .put("title", lot.title())
                .put("status", full ? lotStatus(p, lot) : "active")
                .put("value", value(lot.startPrice(), p.currency()));
    }

    private static String lotStatus(PublicProcedure p, PublicProcedure.Lot lot) {
        return switch (lot.status()) {
            case "AWARDED" -> "complete";
            case "FAILED" -> "unsuccessful";
            default -> p.status() == ProcedureStatus.CANCELLED ? "cancelled"
                    : p.status() == ProcedureStatus.FAILED ? "unsuccessful" : "active";
        };
    }

    /** The sum of the lots' start prices (one currency per procedure). */
    private static Json total(PublicProcedure p) {
        return value(p.lots().stream().map(PublicProcedure.Lot::startPrice).reduce(BigDecimal.ZERO, BigDecimal::add),
                p.currency());
    }

    private static @Nullable String criteria(PublicProcedure p) {
        if (p.kind().priceOnly()) {
            return null;
        }
        return p.criteria().stream().map(c -> c.code() + " " + c.weight().stripTrailingZeros().toPlainString() + "%")
                .collect(Collectors.joining(", "));
    }

    private static Json document(PublicProcedure p, PublicProcedure.Document d, boolean full, Links links) {
        Integer replaced = full ? d.replacedInVersion() : null;
        return Json.object()
                .put("id", d.id().toString())
                .put("documentType", "biddingDocuments")
                .put("title", d.name())
                .put("description", "SHA-256: " + d.sha256() + "; documentation version " + d.version()
                        + (replaced == null ? "" : "; replaced in version " + replaced))
                .put("url", links.document(p.id(), d.id()))
                .put("datePublished", published(p, d.version(), d.uploadedAt()).toString())
                .put("format", d.contentType());
    }

    /** Whether the documentation version was published after the notice (an amendment), not with it. */
    private static boolean amendment(PublicProcedure p, int version) {
        return p.versions().stream().anyMatch(v -> v.number() == version && v.publishedAt().isAfter(p.publishedAt()));
    }

    private static Instant published(PublicProcedure p, int version, Instant uploadedAt) {
        return p.versions().stream().filter(v -> v.number() == version).findFirst()
                .map(PublicProcedure.Version::publishedAt).orElse(uploadedAt);
    }

    /** Each documentation version published after the notice is an amendment; a cancellation is told as one too. */
    private static List<Json> amendments(PublicProcedure p) {
        List<Json> amendments = new ArrayList<>();
        p.versions().stream().filter(v -> amendment(p, v.number()))
                .sorted(java.util.Comparator.comparingInt(PublicProcedure.Version::number))
                .forEach(v -> amendments.add(Json.object()
                        .put("id", "version-" + v.number())
                        .put("date", v.publishedAt().toString())
                        .put("rationale", "Documentation version " + v.number() + " published")
                        .put("description", "Submission deadline " + v.submissionDeadline()
                                + (v.deadlineExtended() ? " (extended by the amendment)" : ""))));
        if (p.status() == ProcedureStatus.CANCELLED && p.closedAt() != null) {
            amendments.add(Json.object().put("id", "cancellation").put("date", p.closedAt().toString())
                    .put("rationale", p.cancelReason() == null ? "Cancelled" : p.cancelReason()));
        }
        return amendments;
    }
}
