package org.openetp.auction;

import java.time.format.DateTimeFormatter;
import org.openetp.auction.domain.Auction;
import org.openetp.auction.domain.AuctionEvent;
import org.openetp.auction.domain.Standing;
import org.openetp.auction.persistence.AuctionStore.StoredAuction;
import org.openetp.procurement.ProcedureView;
import org.springframework.web.util.HtmlUtils;

/**
 * The protocol of a lot's live auction (SPEC §6) as a self-contained, XHTML-clean document: the rules it ran by, the
 * final ranking by label, the winner and its price, and the head of the log's hash chain, against which anyone can
 * check the log ({@code GET /api/v1/auctions/{lotId}/replay}).
 */
final class AuctionProtocol {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private AuctionProtocol() {
    }

    static String render(ProcedureView procedure, StoredAuction row, Auction auction, AuctionEvent.Ended ended,
            long entries, String head) {
        ProcedureView.LotView lot = procedure.lots().stream().filter(l -> l.id().value().equals(row.lot()))
                .findFirst().orElseThrow();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/>")
                .append("<title>Auction protocol</title></head><body><h1>Auction protocol</h1><p>")
                .append(e(procedure.title())).append(" — ").append(procedure.kind().name()).append(", procedure ")
                .append(procedure.id()).append("</p><h2>Lot ").append(lot.number()).append(": ").append(e(lot.title()))
                .append("</h2><p>Start price ").append(lot.startPrice().toPlainString()).append(' ')
                .append(row.currency()).append("; started ").append(TIME.format(auction.rules().start()))
                .append(" (UTC); ended ").append(TIME.format(ended.at())).append(" (UTC); minimum step ")
                .append(auction.rules().minStep().toPlainString()).append(", maximum step ")
                .append(auction.rules().maxStep().toPlainString()).append(".</p>");
        if (auction.ranking().isEmpty()) {
            html.append("<p>No participant.</p>");
        } else {
            html.append("<table border=\"1\" cellpadding=\"4\"><tr><th>Rank</th><th>Participant</th>")
                    .append("<th>Best price</th><th>Given at (UTC)</th></tr>");
            for (Standing s : auction.ranking()) {
                html.append("<tr><td>").append(s.rank()).append("</td><td>").append(e(s.participant().label()))
                        .append("</td><td>").append(s.price().toPlainString()).append(' ').append(row.currency())
                        .append("</td><td>").append(TIME.format(s.at())).append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("<p>").append(auction.winner()
                .map(w -> "Winner: " + e(w.participant().label()) + " at "
                        + (ended.winningPrice() == null ? w.price() : ended.winningPrice()).toPlainString() + " "
                        + row.currency() + ".")
                .orElse("No winner: the lot failed.")).append("</p><p>Auction log: ").append(entries)
                .append(" entries; SHA-256 chain head ").append(head).append(".</p></body></html>");
        return html.toString();
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
