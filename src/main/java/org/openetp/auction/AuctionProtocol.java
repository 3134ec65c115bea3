package org.openetp.auction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.Auction;
import org.openetp.auction.domain.AuctionEvent;
import org.openetp.auction.domain.Standing;
import org.openetp.auction.persistence.AuctionStore.StoredAuction;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.procurement.ProcedureLanguage;
import org.openetp.procurement.ProcedureLanguages;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.ProtocolText;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The protocol of a lot's live auction (SPEC §6, issue 17) as a self-contained, XHTML-clean document rendered once
 * from templates/protocols/auction.html in the procedure's language: the rules it ran by, the final ranking, the
 * winner and its price, and the head of the log's hash chain, against which anyone can check the log
 * ({@code GET /api/v1/auctions/{lotId}/replay}). Bidders were anonymous to each other while it ran; the protocol,
 * written once it has ended, names each label's organization.
 */
@Component
class AuctionProtocol {

    private final ITemplateEngine templates;
    private final Organizations organizations;
    private final ProcedureLanguages languages;
    private final Clock clock;

    AuctionProtocol(ITemplateEngine templates, Organizations organizations, ProcedureLanguages languages,
            Clock clock) {
        this.templates = templates;
        this.organizations = organizations;
        this.languages = languages;
        this.clock = clock;
    }

    /** One line of the final ranking. */
    public record Line(int rank, int number, String name, BigDecimal price, Instant at) {
    }

    String render(ProcedureView procedure, StoredAuction row, Auction auction, AuctionEvent.Ended ended,
            long entries, String head) {
        ProcedureView.LotView lot = procedure.lots().stream().filter(l -> l.id().value().equals(row.lot()))
                .findFirst().orElseThrow();
        ProcedureLanguage language = languages.of(procedure.id());
        List<Line> ranking = auction.ranking().stream().map(this::line).toList();
        @Nullable Line winner = auction.winner().map(this::line).orElse(null);
        Map<String, Object> variables = new HashMap<>();
        variables.put("procedure", procedure);
        variables.put("lot", lot);
        variables.put("currency", row.currency());
        variables.put("rules", auction.rules());
        variables.put("endedAt", ended.at());
        variables.put("ranking", ranking);
        variables.put("winner", winner);
        variables.put("winningPrice", winner == null ? null
                : ended.winningPrice() == null ? winner.price() : ended.winningPrice());
        variables.put("entries", entries);
        variables.put("head", head);
        variables.put("f", new ProtocolText(language.locale(), clock.getZone()));
        return templates.process("protocols/auction", new Context(language.locale(), variables));
    }

    private Line line(Standing s) {
        String name = organizations.shortName(new OrganizationId(UUID.fromString(s.participant().id())));
        return new Line(s.rank(), s.participant().number(), name, s.price(), s.at());
    }
}
