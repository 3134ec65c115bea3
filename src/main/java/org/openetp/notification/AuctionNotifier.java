package org.openetp.notification;

import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.openetp.auction.AuctionEnded;
import org.openetp.auction.AuctionExtended;
import org.openetp.auction.AuctionStarted;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a lot's live auction participants (their supplier members) and the buyer that it started and that it ended
 * (SPEC §10). Participants learn only what the page shows everybody: the winner by label, never by name.
 */
@Component
class AuctionNotifier {

    private static final Pattern PARTICIPANT = Pattern.compile("Participant (\\d{1,9})");

    private final Procurement procurement;
    private final Organizations organizations;
    private final Deliveries deliveries;

    AuctionNotifier(Procurement procurement, Organizations organizations, Deliveries deliveries) {
        this.procurement = procurement;
        this.organizations = organizations;
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener
    void on(AuctionStarted event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        ProcedureView.LotView lot = lot(procedure, event.lot().value());
        deliveries.deliver(everyone(procedure, event.lot().value()), new Notice(NotificationKind.AUCTION,
                "auction-started:" + event.lot(), "notification.auctionStarted",
                List.of(NoticeArg.text(procedure.title()), NoticeArg.number(lot.number()), NoticeArg.text(lot.title())),
                "/auctions/" + event.lot()));
    }

    /**
     * The first extension: bidders who stepped away learn that the auction runs on, and that later bids may extend
     * it again. Not every one: in the last minutes each bid extends it, and a notice per bid would bury the inbox.
     */
    @ApplicationModuleListener
    void on(AuctionExtended event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        ProcedureView.LotView lot = lot(procedure, event.lot().value());
        deliveries.deliver(everyone(procedure, event.lot().value()), new Notice(NotificationKind.AUCTION,
                "auction-extended:" + event.lot(), "notification.auctionExtended",
                List.of(NoticeArg.text(procedure.title()), NoticeArg.number(lot.number()), NoticeArg.text(lot.title()),
                        NoticeArg.moment(event.endsAt())),
                "/auctions/" + event.lot()));
    }

    @ApplicationModuleListener
    void on(AuctionEnded event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        ProcedureView.LotView lot = lot(procedure, event.lot().value());
        NoticeArg result = event.winner() == null || event.price() == null ? NoticeArg.text("—")
                : NoticeArg.message("notification.auctionWinner", participant(event.winner()),
                        NoticeArg.amount(event.price(), procedure.currency()));
        deliveries.deliver(everyone(procedure, event.lot().value()), new Notice(NotificationKind.AUCTION,
                "auction-ended:" + event.lot(), "notification.auctionEnded",
                List.of(NoticeArg.text(procedure.title()), NoticeArg.number(lot.number()),
                        NoticeArg.text(lot.title()), result),
                "/auctions/" + event.lot()));
    }

    /** The auction names the winner "Participant N" in English; the reader reads it in their own language. */
    private static NoticeArg participant(String label) {
        Matcher numbered = PARTICIPANT.matcher(label);
        return numbered.matches()
                ? NoticeArg.message("notification.participant", NoticeArg.number(Long.parseLong(numbered.group(1))))
                : NoticeArg.text(label);
    }

    private List<UserId> everyone(ProcedureView procedure, UUID lot) {
        List<UserId> suppliers = procurement.bidderOrganizations(new LotId(lot)).stream()
                .flatMap(id -> organizations.membersWithRole(new OrganizationId(id), Role.SUPPLIER).stream())
                .toList();
        List<UserId> buyers = organizations.membersWithRole(new OrganizationId(procedure.organizationId()),
                Role.BUYER);
        return Stream.concat(suppliers.stream(), buyers.stream()).distinct().toList();
    }

    private static ProcedureView.LotView lot(ProcedureView procedure, UUID lot) {
        return procedure.lots().stream().filter(l -> l.id().value().equals(lot)).findFirst().orElseThrow();
    }
}
