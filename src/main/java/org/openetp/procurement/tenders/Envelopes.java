package org.openetp.procurement.tenders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidStatus;
import org.openetp.procurement.BidView;
import org.openetp.procurement.LotId;
import org.openetp.procurement.PriceEnvelopesOpened;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.ProtocolKind;
import org.openetp.procurement.StageProtocolPublished;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.BidContent;
import org.openetp.procurement.domain.EnvelopePolicy;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.BidRepository;
import org.openetp.procurement.persistence.SealedContents;
import org.openetp.procurement.sealing.BidVault;
import org.openetp.procurement.sealing.SealedBox;
import org.openetp.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-envelope tenders (SPEC §5.1 item 5, setting {@code twoEnvelope}). A bid's usual sealed content becomes its
 * technical envelope, without the price; the whole content is sealed again as the price envelope, under the same
 * procedure key but other associated data, so neither box opens in the other's place. The deadline opens the
 * technical envelopes only; once the buyer has decided every bid, it opens the price envelopes of the admitted bids
 * and publishes the price-opening protocol. A rejected bid's price envelope is never opened, by anybody.
 */
@Service
public class Envelopes {

    private final LotStageAccess access;
    private final EnvelopeRepository envelopes;
    private final BidRepository bids;
    private final BidVault vault;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TenderProtocols protocols;

    Envelopes(LotStageAccess access, EnvelopeRepository envelopes, BidRepository bids, BidVault vault,
            ApplicationEventPublisher events, Clock clock, TenderProtocols protocols) {
        this.protocols = protocols;
        this.access = access;
        this.envelopes = envelopes;
        this.bids = bids;
        this.vault = vault;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What goes into the bid's usual sealed box: its whole {@code plaintext}, or for a two-envelope tender the
     * content without the price.
     */
    public byte[] technicalEnvelope(Procedure procedure, BidContent content, byte[] plaintext) {
        if (!procedure.settings().twoEnvelope()) {
            return plaintext;
        }
        return SealedContents.write(content.technical());
    }

    /** Seals the bid's whole content as its price envelope (two-envelope tenders only), replacing an earlier one. */
    public void sealPriceEnvelope(Procedure procedure, BidId bid, LotId lot, byte[] content) {
        if (procedure.settings().twoEnvelope()) {
            envelopes.storePriceEnvelope(bid, vault.seal(procedure.sealedKey(), content, associatedData(bid, lot)));
        }
    }

    /**
     * The bidder's own bids with their own price, which a two-envelope tender keeps out of the technical envelope:
     * the bidder may always read what it sealed. Never call it with another organization's bids.
     */
    public List<BidView> withOwnPrices(Procedure procedure, List<BidView> own) {
        if (!procedure.settings().twoEnvelope()) {
            return own;
        }
        List<BidView> result = new ArrayList<>();
        for (BidView b : own) {
            BigDecimal price = b.price() != null ? b.price() : ownPrice(procedure, b.id(), b.lotId());
            result.add(new BidView(b.id(), b.lotId(), b.organizationId(), b.participant(), b.status(), price,
                    b.currency(), b.proposal(), b.submittedAt(), b.needsReconfirmation(), b.score(), b.rank(),
                    b.rejectionReason(), b.signer(), b.security(), b.contractStatus(), b.reliability()));
        }
        return result;
    }

    /** Called by the technical decision on a bid: decisions are final once the prices are known. */
    public void beforeDecision(Procedure procedure) {
        EnvelopePolicy.requireDecisionsOpen(procedure.settings().twoEnvelope(), opened(procedure.id()));
    }

    /** Called by the award: a two-envelope lot is ranked only on opened prices. */
    public void beforeAward(Procedure procedure) {
        EnvelopePolicy.requirePricesForAward(procedure.settings().twoEnvelope(), opened(procedure.id()));
    }

    /**
     * The buyer opens the price envelopes of the technically compliant bids, once every bid is decided: their prices
     * become readable, the price-opening protocol is published to the participants. Rejected bids' envelopes stay
     * sealed.
     */
    @Transactional
    public PriceOpeningView openPrices(CurrentUser user, ProcedureId id) {
        Procedure procedure = access.lockAsBuyer(user, id);
        List<Bid> live = bids.liveBids(id);
        int undecided = (int) live.stream().filter(b -> b.status() == BidStatus.SUBMITTED).count();
        EnvelopePolicy.requireCanOpenPrices(procedure.settings().twoEnvelope(),
                procedure.status() == ProcedureStatus.EVALUATION, opened(id), undecided);
        Instant now = clock.instant();
        Map<BidId, BigDecimal> prices = new LinkedHashMap<>();
        for (Bid bid : EnvelopePolicy.toOpen(live, Bid::status)) {
            BigDecimal price = ownPrice(procedure, bid.id(), bid.lot());
            bid.open(price);
            bids.update(bid);
            prices.put(bid.id(), price);
        }
        envelopes.recordOpening(id, now, user.id().value());
        String protocol = protocols.priceOpening(procedure, live, prices, now);
        String sha256 = LotStageAccess.sha256(protocol);
        bids.insertProtocol(id, ProtocolKind.PRICE_OPENING, protocol, sha256, now);
        events.publishEvent(new PriceEnvelopesOpened(id, prices.size(), live.size() - prices.size(), sha256,
                user.id().value(), now));
        events.publishEvent(new StageProtocolPublished(id, ProtocolKind.PRICE_OPENING.name(), sha256, user.id().value(), now));
        return state(user, id);
    }

    /** Where the price opening stands, for the buyer's side; "not found" for others or other kinds. */
    @Transactional(readOnly = true)
    public PriceOpeningView state(CurrentUser user, ProcedureId id) {
        Procedure procedure = access.find(id);
        if (!procedure.settings().twoEnvelope() || !access.buyerSide(user, procedure)) {
            throw new NotFoundException("PriceOpening");
        }
        Instant openedAt = envelopes.pricesOpenedAt(id).orElse(null);
        int undecided = (int) bids.liveBids(id).stream().filter(b -> b.status() == BidStatus.SUBMITTED).count();
        return new PriceOpeningView(openedAt, undecided,
                openedAt == null && undecided == 0 && procedure.status() == ProcedureStatus.EVALUATION);
    }

    private boolean opened(ProcedureId id) {
        return envelopes.pricesOpenedAt(id).isPresent();
    }

    private BigDecimal ownPrice(Procedure procedure, BidId bid, LotId lot) {
        SealedBox box = envelopes.priceEnvelope(bid).orElseThrow(() -> new NotFoundException("PriceEnvelope"));
        BidContent content = SealedContents.readBid(vault.open(procedure.sealedKey(), box, associatedData(bid, lot)));
        return Objects.requireNonNull(content.price(), "a price envelope holds the price");
    }

    private static String associatedData(BidId bid, LotId lot) {
        return "bid:" + bid + ":lot:" + lot + ":price-envelope";
    }
}
