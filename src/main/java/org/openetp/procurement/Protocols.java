package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.BidRepository;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.openetp.procurement.tenders.AlternativeView;
import org.openetp.procurement.tenders.Alternatives;
import org.openetp.procurement.tenders.Rebidding;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The opening, evaluation and award protocols as self-contained HTML documents (SPEC §5.6, issue 17): rendered once
 * from templates/protocols with the message bundles in the procedure's language, naming the bidders, with amounts and
 * moments written for that language, and with the parts of the procedure's settings (alternative offers, re-bidding
 * rounds); the rendering is stored with its SHA-256 and is what the buyer signs. Thymeleaf escapes everything
 * user-typed. The templates are XHTML-clean (closed tags, no named entities) so that
 * {@link org.openetp.shared.pdf.PdfRenderer} can render the same original as PDF.
 */
@Component
class Protocols {

    private final ITemplateEngine templates;
    private final Organizations organizations;
    private final ProcedureRepository procedures;
    private final BidRepository bidStore;
    private final Alternatives alternatives;
    private final Rebidding rebidding;
    private final Clock clock;

    Protocols(ITemplateEngine templates, Organizations organizations, ProcedureRepository procedures,
            BidRepository bidStore, Alternatives alternatives, Rebidding rebidding, Clock clock) {
        this.templates = templates;
        this.organizations = organizations;
        this.procedures = procedures;
        this.bidStore = bidStore;
        this.alternatives = alternatives;
        this.rebidding = rebidding;
        this.clock = clock;
    }

    /** Who bid what on each lot, by name, as the opening revealed it, with the alternatives offered beside. */
    String opening(Procedure procedure, List<BidView> bids) {
        return render("protocols/opening", procedure, bids, new HashMap<>());
    }

    /** Each lot's decision: the bids' ranks, scores and decisions by name, or why the lot failed. */
    String award(Procedure procedure, List<BidView> bids) {
        return render("protocols/award", procedure, bids, new HashMap<>());
    }

    /**
     * The committee's evaluation, once every lot is decided: per lot each bid admitted or rejected with the reason,
     * the committee's average score per criterion it scores, the total and the rank; ranked bids first, in order.
     */
    String evaluation(Procedure procedure, List<BidView> bids) {
        Map<BidId, Map<String, BigDecimal>> scores = new HashMap<>();
        procedure.lots().forEach(lot -> scores.putAll(bidStore.averageScores(lot.id())));
        Map<String, Object> variables = new HashMap<>();
        variables.put("scores", scores);
        variables.put("noScores", Map.of());
        variables.put("scoredCriteria", procedure.kind().priceOnly() ? List.of()
                : procedure.criteria().stream().filter(c -> !c.price()).toList());
        List<BidView> ranked = bids.stream().sorted(Comparator.comparing((BidView b) -> b.rank() == null)
                .thenComparing(b -> b.rank() == null ? 0 : b.rank())).toList();
        return render("protocols/evaluation", procedure, ranked, variables);
    }

    private String render(String template, Procedure procedure, List<BidView> bids, Map<String, Object> variables) {
        ProcedureLanguage language = ProcedureLanguage.ofCode(procedures.language(procedure.id()));
        Map<LotId, List<BidView>> byLot = new LinkedHashMap<>();
        for (Lot lot : procedure.lots()) {
            byLot.put(lot.id(), bids.stream().filter(b -> b.lotId().equals(lot.id())).toList());
        }
        Map<BidId, BidView> byId = new HashMap<>();
        bids.forEach(b -> byId.put(b.id(), b));
        Map<LotId, List<AlternativeView>> offered = alternatives.protocolRows(procedure);
        variables.put("procedure", procedure);
        variables.put("buyer", organizations.shortName(new OrganizationId(procedure.buyer())));
        variables.put("bids", byLot);
        variables.put("bidsById", byId);
        variables.put("names", names(bids));
        variables.put("alternatives", offered);
        variables.put("noAlternatives", offered.values().stream().allMatch(List::isEmpty));
        variables.put("rounds", rebidding.closedRounds(procedure));
        variables.put("f", new ProtocolText(language.locale(), clock.getZone()));
        return templates.process(template, new Context(language.locale(), variables));
    }

    /** The bidders' short names; a bidder whose organization has none is named by its number in the protocol. */
    private Map<UUID, String> names(List<BidView> bids) {
        Map<UUID, String> names = new HashMap<>();
        for (BidView bid : bids) {
            UUID organization = bid.organizationId();
            if (organization != null && !names.containsKey(organization)) {
                String name = organizations.shortName(new OrganizationId(organization));
                if (!name.isBlank()) {
                    names.put(organization, name);
                }
            }
        }
        return names;
    }
}
