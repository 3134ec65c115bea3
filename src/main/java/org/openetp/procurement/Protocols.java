package org.openetp.procurement;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The opening and award protocols as self-contained HTML documents (SPEC §5.6, issue 17): rendered once from
 * templates/protocols with the message bundles in the procedure's language, naming the bidders, with amounts and
 * moments written for that language; the rendering is stored with its SHA-256 and is what the buyer signs.
 * Thymeleaf escapes everything user-typed. The templates are XHTML-clean (closed tags, no named entities) so that
 * {@link org.openetp.shared.pdf.PdfRenderer} can render the same original as PDF.
 */
@Component
class Protocols {

    private final ITemplateEngine templates;
    private final Organizations organizations;
    private final ProcedureRepository procedures;
    private final Clock clock;

    Protocols(ITemplateEngine templates, Organizations organizations, ProcedureRepository procedures, Clock clock) {
        this.templates = templates;
        this.organizations = organizations;
        this.procedures = procedures;
        this.clock = clock;
    }

    /** Who bid what on each lot, by name, as the opening revealed it; {@code extra} is the alternatives' part. */
    String opening(Procedure procedure, List<BidView> bids, String extra) {
        return render("protocols/opening", procedure, bids, extra);
    }

    /** Each lot's decision: the bids' ranks, scores and decisions by name, or why the lot failed. */
    String award(Procedure procedure, List<BidView> bids, String extra) {
        return render("protocols/award", procedure, bids, extra);
    }

    private String render(String template, Procedure procedure, List<BidView> bids, String extra) {
        ProcedureLanguage language = ProcedureLanguage.ofCode(procedures.language(procedure.id()));
        Map<LotId, List<BidView>> byLot = new LinkedHashMap<>();
        for (Lot lot : procedure.lots()) {
            byLot.put(lot.id(), bids.stream().filter(b -> b.lotId().equals(lot.id())).toList());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("procedure", procedure);
        variables.put("buyer", organizations.shortName(new OrganizationId(procedure.buyer())));
        variables.put("bids", byLot);
        variables.put("names", names(bids));
        variables.put("extra", extra);
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
