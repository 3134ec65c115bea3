package org.openetp.procurement.tenders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.procurement.BidId;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureLanguage;
import org.openetp.procurement.ProtocolText;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The price-opening and re-bidding protocols as documents (issue 17), like the opening and award ones: rendered once
 * from templates/protocols in the procedure's language, bidders by name (or "Participant N" in that language when an
 * organization has no name), amounts through {@link ProtocolText}, moments with their zone. That rendering is what
 * is stored, hashed and signed.
 */
@Component
class TenderProtocols {

    /** A bid's line in the price opening: its price when its envelope was opened, else why it stays sealed. */
    record PriceRow(@Nullable String name, int number, @Nullable BigDecimal price, @Nullable String reason) {
    }

    /** An admitted bid's line in the re-bidding: its price before and, if it improved it, after and when. */
    record RebidRow(@Nullable String name, int number, BigDecimal before, @Nullable BigDecimal after,
            @Nullable Instant at) {
    }

    private final ITemplateEngine templates;
    private final ProcedureRepository procedures;
    private final Organizations organizations;
    private final Clock clock;

    TenderProtocols(ITemplateEngine templates, ProcedureRepository procedures, Organizations organizations,
            Clock clock) {
        this.templates = templates;
        this.procedures = procedures;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** The price opening: per lot, every live bid with its technical decision and its price, if opened. */
    String priceOpening(Procedure procedure, List<Bid> live, Map<BidId, BigDecimal> prices, Instant at) {
        Map<UUID, String> names = new HashMap<>();
        Map<LotId, List<PriceRow>> rows = new LinkedHashMap<>();
        for (Lot lot : procedure.lots()) {
            List<PriceRow> lotRows = new ArrayList<>();
            List<Bid> lotBids = live.stream().filter(b -> b.lot().equals(lot.id())).toList();
            for (int i = 0; i < lotBids.size(); i++) {
                Bid b = lotBids.get(i);
                lotRows.add(new PriceRow(name(names, b.organization()), i + 1, prices.get(b.id()),
                        b.rejectionReason() == null ? "" : b.rejectionReason()));
            }
            rows.put(lot.id(), lotRows);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("rows", rows);
        variables.put("at", at);
        return render("protocols/price-opening", procedure, variables);
    }

    /**
     * A lot's re-bidding: when the round ran and, for each bid admitted to it (numbered among the lot's live bids),
     * its price before and the improved one.
     */
    String rebidding(Procedure procedure, Lot lot, List<Bid> lotBids, RebiddingRepository.Round round,
            List<RoundView.Rebid> improved, Instant at) {
        Map<UUID, String> names = new HashMap<>();
        Map<BidId, RoundView.Rebid> byBid = new HashMap<>();
        improved.forEach(r -> byBid.put(r.bidId(), r));
        List<RebidRow> rows = new ArrayList<>();
        for (int i = 0; i < lotBids.size(); i++) {
            Bid b = lotBids.get(i);
            RoundView.Rebid r = byBid.get(b.id());
            if (r != null) {
                rows.add(new RebidRow(name(names, b.organization()), i + 1, r.previous(), r.price(),
                        r.submittedAt()));
            } else if (b.status() == org.openetp.procurement.BidStatus.ADMITTED && b.price() != null) {
                rows.add(new RebidRow(name(names, b.organization()), i + 1, b.price(), null, null));
            }
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("lot", lot);
        variables.put("rows", rows);
        variables.put("improved", improved.size());
        variables.put("startedAt", round.startedAt());
        variables.put("deadline", round.deadline());
        variables.put("at", at);
        return render("protocols/rebidding", procedure, variables);
    }

    private @Nullable String name(Map<UUID, String> names, UUID organization) {
        String name = names.computeIfAbsent(organization,
                o -> organizations.shortName(new OrganizationId(o)));
        return name.isBlank() ? null : name;
    }

    private String render(String template, Procedure procedure, Map<String, Object> variables) {
        ProcedureLanguage language = ProcedureLanguage.ofCode(procedures.language(procedure.id()));
        variables.put("procedure", procedure);
        variables.put("buyer", organizations.shortName(new OrganizationId(procedure.buyer())));
        variables.put("f", new ProtocolText(language.locale(), clock.getZone()));
        return templates.process(template, new Context(language.locale(), variables));
    }
}
