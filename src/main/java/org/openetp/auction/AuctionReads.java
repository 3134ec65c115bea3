package org.openetp.auction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.Auction;
import org.openetp.auction.domain.AuctionEvent;
import org.openetp.auction.domain.AuctionStatus;
import org.openetp.auction.domain.Participant;
import org.openetp.auction.domain.PriceRange;
import org.openetp.auction.domain.Standing;
import org.openetp.auction.persistence.AuctionStore;
import org.openetp.auction.persistence.AuctionStore.LogEntry;
import org.openetp.auction.persistence.AuctionStore.StoredAuction;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.LotId;
import org.openetp.procurement.Procurement;
import org.openetp.shared.NotFoundException;
import org.openetp.signature.Signatures;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@link Auctions} shows: the auction as the caller may see it, the log as watchers see it, the replay check and
 * the protocol; and who the caller bids for. Called inside {@link Auctions}' read-only transactions.
 */
@Component
class AuctionReads {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final AuctionStore store;
    private final AuctionEngines engines;
    private final Procurement procurement;
    private final Organizations organizations;
    private final Signatures signatures;
    private final Clock clock;

    AuctionReads(AuctionStore store, AuctionEngines engines, Procurement procurement, Organizations organizations,
            Signatures signatures, Clock clock) {
        this.store = store;
        this.engines = engines;
        this.procurement = procurement;
        this.organizations = organizations;
        this.signatures = signatures;
        this.clock = clock;
    }

    /**
     * The auction as the caller may see it: anyone who may see the procedure sees the anonymous ranking ("Participant
     * 3"); a participant also sees its own rank and the prices it may bid now. Offers stay sealed until the start.
     */
    AuctionView view(@Nullable CurrentUser user, LotId lotId) {
        StoredAuction row = visible(user, lotId);
        Auction auction = engines.engineOf(row);
        Optional<UUID> me = user == null ? Optional.empty() : participantOrganization(user, auction, null);
        return view(row, auction, me);
    }

    /** The log entries after {@code afterSeq} as watchers may see them (for the SSE stream). */
    List<LiveEvent> events(LotId lotId, long afterSeq) {
        StoredAuction row = store.find(lotId.value()).orElseThrow(() -> new NotFoundException("Auction"));
        return LiveEvents.of(engines.engineOf(row), store.log(lotId.value(), afterSeq));
    }

    /**
     * The whole log as watchers see it (what the stream sent, from the first entry), for anyone who may see the
     * auction: bidders by label, a running sealed-bid auction's bids without prices.
     */
    List<LiveEvent> log(@Nullable CurrentUser user, LotId lotId) {
        StoredAuction row = visible(user, lotId);
        return LiveEvents.of(engines.engineOf(row), store.log(row.lot(), 0));
    }

    /** Checks that the caller may watch the lot's auction (as for {@link #view}); returns the current log position. */
    long watch(@Nullable CurrentUser user, LotId lotId) {
        return visible(user, lotId).seq();
    }

    /**
     * Replays the log through the engine and checks its chain (SPEC §6): the answer says whether every entry's hash
     * holds and whether the replay gives the same ranking and winner as the live run.
     */
    ReplayReport replay(@Nullable CurrentUser user, LotId lotId) {
        StoredAuction row = visible(user, lotId);
        List<LogEntry> log = store.log(row.lot(), 0);
        Long firstBad = null;
        String previous = Auctions.GENESIS;
        List<AuctionEvent> replayed = new ArrayList<>();
        for (LogEntry entry : log) {
            if (!entry.prevHash().equals(previous) || !entry.hash().equals(Auctions.hash(previous, entry.seq(), entry.payload()))) {
                firstBad = firstBad == null ? entry.seq() : firstBad;
            }
            previous = entry.hash();
            replayed.add(JSON.readValue(entry.payload(), AuctionEvent.class));
        }
        Auction live = engines.restore(row);
        Auction again = Auction.replay(AuctionEngines.rules(row), AuctionEngines.offers(row), replayed);
        boolean same = again.status() == live.status() && again.ranking().equals(live.ranking())
                && again.winner().equals(live.winner());
        return new ReplayReport(firstBad == null && previous.equals(row.headHash()), firstBad, log.size(),
                row.headHash(), same, rankingOf(again), again.winner().map(s -> s.participant().label()).orElse(null));
    }

    /** The auction protocol (HTML), once the auction has ended; public like the procedure. */
    String protocol(@Nullable CurrentUser user, LotId lotId) {
        StoredAuction row = visible(user, lotId);
        if (row.protocol() == null) {
            throw new NotFoundException("Protocol");
        }
        return row.protocol();
    }

    AuctionView view(StoredAuction row, Auction auction, Optional<UUID> me) {
        Instant now = clock.instant();
        boolean sealed = auction.status() == AuctionStatus.SCHEDULED;
        List<AuctionView.Place> ranking = sealed ? List.of() : rankingOf(auction);
        Optional<Standing> mine = me.flatMap(id -> auction.ranking().stream()
                .filter(s -> s.participant().id().equals(id.toString())).findFirst());
        Optional<PriceRange> range = me.flatMap(id -> auction.validRange(id.toString(), now));
        BigDecimal best = auction.ranking().isEmpty() || sealed ? null : auction.ranking().getFirst().price();
        return new AuctionView(new LotId(row.lot()), row.procedure(), row.kind().name(),
                auction.status().name(), now, auction.rules().start(), auction.endsAt(),
                sealed ? null : auction.currentPrice(), best, row.currency(), auction.rules().startPrice(),
                auction.rules().minStep(), auction.rules().maxStep(), mine.map(Standing::rank).orElse(null),
                me.flatMap(id -> auction.participant(id.toString())).map(Participant::label).orElse(null),
                mine.map(Standing::price).orElse(null), range.map(PriceRange::from).orElse(null),
                range.map(PriceRange::to).orElse(null), range.map(r -> oneStep(r, best)).orElse(null), ranking,
                auction.winner().map(s -> s.participant().label()).orElse(null),
                signatures.required(row.signatureRequired()), row.seq(),
                row.protocol() != null);
    }

    /** Of a valid range, the end nearer the best price: the smallest improvement, one minimum step away. */
    static BigDecimal oneStep(PriceRange range, @Nullable BigDecimal best) {
        if (best == null) {
            return range.to();
        }
        return best.subtract(range.from()).abs().compareTo(best.subtract(range.to()).abs()) <= 0
                ? range.from() : range.to();
    }

    static List<AuctionView.Place> rankingOf(Auction auction) {
        return auction.ranking().stream()
                .map(s -> new AuctionView.Place(s.rank(), s.participant().label(), s.price(), s.at()))
                .toList();
    }

    /** The lot's auction if the caller may see its procedure (a closed procedure's auction is as private). */
    StoredAuction visible(@Nullable CurrentUser user, LotId lotId) {
        StoredAuction row = store.find(lotId.value()).orElseThrow(() -> new NotFoundException("Auction"));
        procurement.view(user, row.procedure()); // 404 for whoever may not see the procedure
        return row;
    }

    /** The organization the user bids for: a supplier membership that is a participant (or the one named). */
    Optional<UUID> participantOrganization(CurrentUser user, Auction auction, @Nullable UUID named) {
        return participantOrganization(supplierOrganizations(user, named), auction);
    }

    /** The user's supplier organizations (only the named one, if one is named). */
    List<UUID> supplierOrganizations(CurrentUser user, @Nullable UUID named) {
        return supplierOrganizations(organizations.membershipsOf(user.id()), named);
    }

    static List<UUID> supplierOrganizations(List<Membership> memberships, @Nullable UUID named) {
        return memberships.stream()
                .filter(m -> m.has(Role.SUPPLIER))
                .map(Membership::organization).map(OrganizationId::value)
                .filter(id -> named == null || named.equals(id))
                .toList();
    }

    /** Of the caller's supplier organizations, the one that is a participant (the first, if several are). */
    static Optional<UUID> participantOrganization(List<UUID> organizations, Auction auction) {
        return organizations.stream()
                .filter(id -> auction.participant(id.toString()).isPresent())
                .min(Comparator.naturalOrder());
    }
}
