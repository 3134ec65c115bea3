package org.openetp.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidStatus;
import org.openetp.procurement.LotId;
import org.openetp.procurement.PublicProcedure;

/**
 * What follows the tender: the opened bids with their statistics per lot (bids extension), the awards and the
 * contracts with their delivery milestones. Nothing here exists before the bids are opened.
 */
final class OutcomeSections {

    private OutcomeSections() {
    }

    /** The {@code bids} object: one detail per opened live bid and the count of bids (and valid ones) per lot. */
    static @Nullable Json bids(PublicProcedure p, Parties parties, Instant at) {
        if (p.bids() == null) {
            return null;
        }
        List<Json> details = new ArrayList<>();
        for (PublicProcedure.Bid b : p.bids()) {
            details.add(Json.object()
                    .put("id", b.id().toString())
                    .put("date", b.submittedAt().toString())
                    .put("status", bidStatus(b.status()))
                    .put("tenderers", List.of(parties.reference(b.organization(), "tenderer")))
                    .put("value", TenderSection.value(b.price(), p.currency()))
                    .put("relatedLots", List.of(b.lot().toString())));
        }
        List<Json> statistics = new ArrayList<>();
        for (PublicProcedure.Lot lot : p.lots()) {
            List<PublicProcedure.Bid> onLot = p.bids().stream().filter(b -> b.lot().equals(lot.id())).toList();
            statistics.add(statistic(lot, "bids", onLot.size(), at));
            if (onLot.stream().anyMatch(b -> b.status() != BidStatus.SUBMITTED)) {
                statistics.add(statistic(lot, "validBids",
                        onLot.stream().filter(b -> "valid".equals(bidStatus(b.status()))).count(), at));
            }
        }
        return Json.object().put("statistics", statistics).put("details", details);
    }

    /** The tenderers as the tender lists them once the bids are open. */
    static List<Json> tenderers(PublicProcedure p, Parties parties) {
        return p.bids() == null ? List.of() : p.bids().stream().map(PublicProcedure.Bid::organization).distinct()
                .map(o -> parties.reference(o, "tenderer")).toList();
    }

    /** One award per awarded lot, cancelled when the winner refused the contract. */
    static List<Json> awards(PublicProcedure p, Parties parties, Map<LotId, Instant> decided) {
        List<Json> awards = new ArrayList<>();
        for (PublicProcedure.Lot lot : p.lots()) {
            if (lot.winner() == null) {
                continue;
            }
            PublicProcedure.Award award = p.awards().stream().filter(a -> a.lot().equals(lot.id())).findFirst()
                    .orElse(null);
            if (award == null) {
                continue;
            }
            Instant date = decided.getOrDefault(lot.id(), Objects.requireNonNullElse(p.closedAt(), p.publishedAt()));
            awards.add(Json.object()
                    .put("id", awardId(lot.id()))
                    .put("title", lot.title())
                    .put("status", "REFUSED".equals(award.contractStatus()) ? "cancelled" : "active")
                    .put("date", date.toString())
                    .put("value", TenderSection.value(award.price(), p.currency()))
                    .put("suppliers", award.suppliers().stream().map(o -> parties.reference(o, "supplier")).toList())
                    .put("relatedLots", List.of(lot.id().toString()))
                    .put("relatedBid", award.bid().toString()));
        }
        return awards;
    }

    static String awardId(LotId lot) {
        return "award-" + lot;
    }

    /** The contracts with their milestones; a refused draft is cancelled, a completed contract terminated. */
    static List<Json> contracts(PublicProcedure p, Parties parties) {
        List<Json> contracts = new ArrayList<>();
        for (PublicProcedure.Contract c : p.contracts()) {
            parties.reference(c.supplier(), "supplier");
            contracts.add(Json.object()
                    .put("id", c.id().toString())
                    .put("awardID", awardId(c.lot()))
                    .put("title", c.subject())
                    .put("status", contractStatus(c.status()))
                    .put("value", TenderSection.value(c.price(), c.currency()))
                    .put("items", List.of(Json.object().put("id", "1").put("description", c.subject())
                            .put("quantity", c.quantity()).put("unit", Json.object().put("name", c.unit()))))
                    .put("period", TenderSection.period(c.activatedAt(), c.completedAt()))
                    .put("dateSigned", c.activatedAt() == null ? null : c.activatedAt().toString())
                    .put("milestones", c.milestones().stream().map(OutcomeSections::milestone).toList()));
        }
        return contracts;
    }

    private static Json milestone(PublicProcedure.Milestone m) {
        String share = m.quantity() != null ? m.quantity().stripTrailingZeros().toPlainString() + " units"
                : m.sharePercent() != null ? m.sharePercent().stripTrailingZeros().toPlainString() + "% of the whole"
                : null;
        return Json.object()
                .put("id", m.id().toString())
                .put("title", "Delivery " + m.number())
                .put("type", "delivery")
                .put("description", share == null ? m.description() : m.description() + " (" + share + ")")
                .put("dueDate", midnight(m.dueDate()))
                .put("dateMet", m.deliveredOn() == null ? null : midnight(m.deliveredOn()))
                .put("status", switch (m.state()) {
                    case "ON_TIME", "LATE" -> "met";
                    case "OVERDUE" -> "notMet";
                    default -> "scheduled";
                });
    }

    private static String midnight(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    static String bidStatus(BidStatus status) {
        return switch (status) {
            case SUBMITTED -> "pending";
            case REJECTED -> "disqualified";
            case WITHDRAWN -> "withdrawn";
            case ADMITTED, WINNER, NOT_AWARDED -> "valid";
        };
    }

    static String contractStatus(String status) {
        return switch (status) {
            case "ACTIVE" -> "active";
            case "COMPLETED" -> "terminated";
            case "REFUSED" -> "cancelled";
            default -> "pending";
        };
    }

    private static Json statistic(PublicProcedure.Lot lot, String measure, long value, Instant at) {
        return Json.object().put("id", measure + "-" + lot.number()).put("measure", measure).put("value", value)
                .put("date", at.toString()).put("relatedLot", lot.id().toString());
    }
}
