package org.openetp.auction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.Auction;
import org.openetp.auction.domain.AuctionEvent;
import org.openetp.auction.domain.AuctionKind;
import org.openetp.auction.domain.AuctionRefusedException;
import org.openetp.auction.domain.AuctionRules;
import org.openetp.auction.domain.AuctionState;
import org.openetp.auction.domain.AuctionStatus;
import org.openetp.auction.domain.BidCommand;
import org.openetp.auction.domain.InitialOffer;
import org.openetp.auction.domain.Outcome;
import org.openetp.auction.domain.Participant;
import org.openetp.auction.domain.PriceRange;
import org.openetp.auction.domain.Standing;
import org.openetp.auction.live.Wakeups;
import org.openetp.auction.persistence.AuctionStore;
import org.openetp.auction.persistence.AuctionStore.LogEntry;
import org.openetp.auction.persistence.AuctionStore.StoredAuction;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.UserId;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.AuctionApplication;
import org.openetp.procurement.AuctionResult;
import org.openetp.procurement.AuctionSettings;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.openetp.signature.SignaturePurpose;
import org.openetp.signature.Signatures;
import org.openetp.signature.VerifiedSignature;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auction module's API (SPEC §6): when an auction procedure's applications open, each lot gets its live auction;
 * participants bid in it until the engine ends it, by its clock or theirs; the end awards the lot through
 * procurement. Each change is one short transaction on the lot's row: check, append to the hash-chained log, store
 * the engine's snapshot, commit, and only then acknowledge and wake the watchers. Bids on the same lot that arrive
 * together share that transaction (see {@link #bid}).
 */
@Service
public class Auctions {

    static final String GENESIS = "0".repeat(64);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<List<InitialOffer>> OFFERS = new TypeReference<>() { };

    private final AuctionStore store;
    private final Procurement procurement;
    private final Organizations organizations;
    private final Signatures signatures;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Wakeups wakeups;
    private final Clock clock;
    private final AuctionProtocol auctionProtocol;
    /** A batch's transaction is its own, whatever the leading caller's thread was doing. */
    private final TransactionTemplate ownTransaction;
    /**
     * Live bids in group commit: up to 64 in a transaction, and up to 4 such transactions at once on this node (a
     * few, so that one batch collects while another commits; each holds one pooled connection).
     */
    private final BidBatches batches = new BidBatches(64, 4, this::placeBatch);
    /**
     * The engine of each recently busy lot as of its row's log head, so that a bid need not read and parse the
     * snapshot and restore the engine each time (most of a bid's CPU). An entry counts only while the row's
     * {@code head_hash} is still its own: the seq alone is not enough, since a batch rolled back on this node and one
     * committed on another can reach the same seq with different events. Entries come from rows read under the lock
     * (committed) or from this node's commits, put only after the commit, so a rolled-back batch never leaves an
     * engine ahead of the database. Auction and row are immutable, so an entry may be shared.
     */
    private final Cache<UUID, Locked> engines = Caffeine.newBuilder().maximumSize(5_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    Auctions(AuctionStore store, Procurement procurement, Organizations organizations, Signatures signatures,
            ApplicationEventPublisher events, TransactionTemplate transactions, Wakeups wakeups, Clock clock,
            AuctionProtocol auctionProtocol) {
        this.store = store;
        this.procurement = procurement;
        this.organizations = organizations;
        this.signatures = signatures;
        this.events = events;
        this.transactions = transactions;
        this.wakeups = wakeups;
        this.clock = clock;
        this.auctionProtocol = auctionProtocol;
        this.ownTransaction = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ---------------------------------------------------------------- creation, from the opened applications

    /**
     * Creates the live auction of every lot of an auction procedure whose applications were just opened; a lot
     * nobody applied to fails at once. Safe to call again: a lot's auction is created once.
     */
    @Transactional
    public void schedule(ProcedureId id) {
        ProcedureView procedure = procurement.describe(id);
        AuctionSettings settings = procedure.settings().auction();
        if (!procedure.kind().auction() || settings == null || procedure.status() != ProcedureStatus.OPENED) {
            return;
        }
        Instant now = clock.instant();
        List<AuctionApplication> applications = procurement.auctionApplications(id);
        for (ProcedureView.LotView lot : procedure.lots()) {
            List<AuctionApplication> mine = applications.stream().filter(a -> a.lot().equals(lot.id())).toList();
            if (mine.isEmpty()) {
                procurement.recordAuctionResult(id, lot.id(), new AuctionResult(List.of(), null, null));
                continue;
            }
            List<InitialOffer> offers = new ArrayList<>();
            for (AuctionApplication a : mine) {
                offers.add(new InitialOffer(new Participant(a.organization().toString(), offers.size() + 1), a.price(),
                        a.submittedAt()));
            }
            // The start is never in the past: if the opening ran late, the auction starts when it can.
            Instant start = settings.auctionStart().isBefore(now) ? now : settings.auctionStart();
            AuctionRules rules = new AuctionRules(kindOf(procedure), lot.startPrice(),
                    Currency.getInstance(procedure.currency()).getDefaultFractionDigits(), start,
                    settings.duration(), settings.extensionWindow(), settings.minStepPercent(),
                    settings.maxStepPercent(), settings.stepInterval(), settings.reservePrice(),
                    settings.secondPrice(), settings.rounds(), settings.turnTime(), Map.of());
            Auction auction = Auction.schedule(rules, offers);
            store.insert(new StoredAuction(lot.id().value(), id, new OrganizationId(procedure.organizationId()),
                    procedure.currency(), procedure.kind(), procedure.settings().signatureRequired(),
                    JSON.writeValueAsString(rules), JSON.writeValueAsString(offers),
                    JSON.writeValueAsString(auction.state()), auction.status(),
                    auction.nextDeadline().orElse(null), 0, GENESIS, null), now);
        }
    }

    // ---------------------------------------------------------------- the clock

    /**
     * Applies every clock step that is due (starts, price ticks, rounds, turns, extended ends), each lot in a
     * transaction of its own; called by the persistent scheduler. Returns how many lots changed.
     */
    public int advanceDue() {
        int changed = 0;
        for (UUID lot : store.due(clock.instant(), 500)) {
            Boolean did = transactions.execute(status -> {
                Locked locked = lock(lot).orElseThrow();
                StoredAuction row = locked.row();
                Outcome outcome = locked.auction().advance(clock.instant());
                if (outcome.events().isEmpty()) {
                    return false;
                }
                record(List.of(new Change(row, outcome)));
                return true;
            });
            changed += Boolean.TRUE.equals(did) ? 1 : 0;
        }
        return changed;
    }

    // ---------------------------------------------------------------- bidding

    /**
     * Places a participant's live bid (a price, a step bid resolved against the best price when it is applied, or
     * accept / stay / pass on the clock kinds). It is committed to the auction's log before this returns; a refusal
     * names the rule broken and changes nothing.
     *
     * <p>Not one transaction per call: bids that arrive together, on the same lot or on different ones, are applied
     * in one transaction by whichever caller leads their batch ({@link BidBatches}, a group commit), because a bid's
     * own work is small beside a transaction's round trips and fsync, and on a hot lot the row lock is held through
     * that fsync. The caller is answered after the batch's commit.
     */
    public BidAcknowledged bid(CurrentUser user, LotId lotId, LiveBid command) {
        BidCommand engineCommand = command.toEngine();
        return batches.submit(new BidBatches.Waiting(
                new BidBatches.Bid(lotId.value(), user, command, engineCommand, command.organizationId())));
    }

    /**
     * Places a batch of bids, on one lot or several, in one transaction ({@link #placeTogether}). If that fails, one
     * lot's failure (a database error, an end that could not be recorded) must not be the answer of bids on other
     * lots, so each lot is tried again in a transaction of its own.
     */
    private void placeBatch(List<BidBatches.Waiting> batch) {
        Map<UUID, List<BidBatches.Waiting>> byLot = new LinkedHashMap<>();
        batch.forEach(w -> byLot.computeIfAbsent(w.bid().lot(), l -> new ArrayList<>()).add(w));
        try {
            placeTogether(byLot);
        } catch (RuntimeException failed) {
            if (byLot.size() == 1) {
                throw failed;
            }
            byLot.forEach((lot, bids) -> {
                try {
                    placeTogether(Map.of(lot, bids));
                } catch (RuntimeException alone) {
                    bids.forEach(w -> w.failIfUnanswered(alone));
                }
            });
        }
    }

    /**
     * Applies bids in one transaction: the lots' rows locked by one statement, the callers' memberships read by one
     * query, each lot's bids in arrival order against the engine as the bids before left it (a refused bid is
     * answered with its refusal and changes nothing), one append of every accepted bid's events, one commit. Only
     * then is each caller answered, with its own log position and view; if the transaction fails, nothing was
     * acknowledged.
     */
    private void placeTogether(Map<UUID, List<BidBatches.Waiting>> byLot) {
        List<Runnable> answers = new ArrayList<>();
        ownTransaction.executeWithoutResult(status -> {
            Map<UUID, Locked> locked = lockAll(byLot.keySet());
            Map<UserId, List<Membership>> memberships = organizations.membershipsOf(byLot.values().stream()
                    .flatMap(List::stream).map(w -> w.bid().user().id()).collect(Collectors.toSet()));
            List<Change> changes = new ArrayList<>();
            byLot.forEach((lot, bids) -> {
                Locked lotLocked = locked.get(lot);
                if (lotLocked == null) {
                    bids.forEach(w -> answers.add(() -> w.fail(new NotFoundException("Auction"))));
                    return;
                }
                Change change = placeOnLot(lotLocked, bids, memberships, answers);
                if (change != null) {
                    changes.add(change);
                }
            });
            record(changes);
        });
        // Committed: now, and not before, the callers hear of it.
        answers.forEach(Runnable::run);
    }

    /** One lot's bids of a batch, in order; adds each caller's answer, returns the lot's change (null if none). */
    private @Nullable Change placeOnLot(Locked locked, List<BidBatches.Waiting> bids,
            Map<UserId, List<Membership>> memberships, List<Runnable> answers) {
        StoredAuction row = locked.row();
        Auction auction = locked.auction();
        List<AuctionEvent> events = new ArrayList<>();
        long seq = row.seq();
        for (BidBatches.Waiting waiting : bids) {
            BidBatches.Bid bid = waiting.bid();
            try {
                UUID organization = participantOrganization(supplierOrganizations(
                        memberships.getOrDefault(bid.user().id(), List.of()), bid.named()), auction)
                        .orElseThrow(() -> new ForbiddenException("auction.notParticipant"));
                VerifiedSignature signed = null;
                if (signatures.required(row.signatureRequired())) {
                    signed = verifySignature(bid.user(), row, organization, bid.command());
                }
                Outcome outcome;
                try {
                    outcome = auction.bid(organization.toString(), bid.engineCommand(), clock.instant());
                } catch (AuctionRefusedException refusal) {
                    throw new RuleViolationException(refusal.code(), refusal.args().toArray());
                }
                if (signed != null) { // only an accepted bid keeps its signed text
                    signatures.keep(bid.user(), signed, SignaturePurpose.AUCTION_BID, "auction:" + row.lot(), false);
                }
                // The view as a transaction of this bid alone would have shown it: at the log position before it.
                StoredAuction before = atSeq(row, seq);
                seq += outcome.events().size(); // record() numbers the events in this same order
                events.addAll(outcome.events());
                auction = outcome.auction();
                BidAcknowledged answer = new BidAcknowledged(seq, view(before, auction, Optional.of(organization)));
                answers.add(() -> waiting.answer(answer));
            } catch (ForbiddenException | InvalidInputException | RuleViolationException refusal) {
                // The caller's own refusal; the engine and the transaction are as the bids before left them.
                answers.add(() -> waiting.fail(refusal));
            }
        }
        return events.isEmpty() ? null : new Change(row, new Outcome(auction, events));
    }

    /** The text a participant signs for a live bid on a signed auction (SPEC §3.2): what, where, and who. */
    @Transactional(readOnly = true)
    public String canonicalBid(CurrentUser user, LotId lotId, LiveBid command) {
        StoredAuction row = store.find(lotId.value()).orElseThrow(() -> new NotFoundException("Auction"));
        UUID organization = participantOrganization(user, restore(row), command.organizationId())
                .orElseThrow(() -> new ForbiddenException("auction.notParticipant"));
        return canonical(row, organization, command.toEngine());
    }

    /** Checks the bid's signature (a 400 if it fails); the caller keeps the signed text if the bid is accepted. */
    private VerifiedSignature verifySignature(CurrentUser user, StoredAuction row, UUID organization,
            LiveBid command) {
        String canonical = canonical(row, organization, command.toEngine());
        if (command.signature() == null || command.signature().isBlank()) {
            throw new InvalidInputException("signature", "bid.signature.required");
        }
        if (command.document() != null && !command.document().equals(canonical)) {
            throw new InvalidInputException("document", "auction.signature.document");
        }
        String reference = "auction:" + row.lot();
        return signatures.verify(user, new OrganizationId(organization), Role.SUPPLIER, SignaturePurpose.AUCTION_BID,
                reference, canonical, command.signature());
    }

    /** The signed text of a bid; a step bid has none, since its price is only known once it is applied. */
    private static String canonical(StoredAuction row, UUID organization, BidCommand command) {
        String what = switch (command) {
            case BidCommand.Steps steps -> throw new InvalidInputException("steps", "auction.steps.signed");
            case BidCommand.Price p -> "price " + p.price().toPlainString() + " " + row.currency();
            case BidCommand.Accept accept -> "accept";
            case BidCommand.Stay stay -> "stay";
            case BidCommand.Pass pass -> "pass";
        };
        return "OpenETP live auction bid\nprocedure " + row.procedure() + "\nlot " + row.lot() + "\nparticipant "
                + organization + "\n" + what + "\n";
    }

    // ---------------------------------------------------------------- what watchers see

    /**
     * The auction as the caller may see it: anyone who may see the procedure sees the anonymous ranking ("Participant
     * 3"); a participant also sees its own rank and the prices it may bid now. Offers stay sealed until the start.
     */
    @Transactional(readOnly = true)
    public AuctionView view(@Nullable CurrentUser user, LotId lotId) {
        StoredAuction row = visible(user, lotId);
        Auction auction = engineOf(row);
        Optional<UUID> me = user == null ? Optional.empty() : participantOrganization(user, auction, null);
        return view(row, auction, me);
    }

    /** The log entries after {@code afterSeq} as watchers may see them (for the SSE stream). */
    @Transactional(readOnly = true)
    public List<LiveEvent> events(LotId lotId, long afterSeq) {
        StoredAuction row = store.find(lotId.value()).orElseThrow(() -> new NotFoundException("Auction"));
        return LiveEvents.of(engineOf(row), store.log(lotId.value(), afterSeq));
    }

    /**
     * The whole log as watchers see it (what the stream sent, from the first entry), for anyone who may see the
     * auction: bidders by label, a running sealed-bid auction's bids without prices.
     */
    @Transactional(readOnly = true)
    public List<LiveEvent> log(@Nullable CurrentUser user, LotId lotId) {
        StoredAuction row = visible(user, lotId);
        return LiveEvents.of(engineOf(row), store.log(row.lot(), 0));
    }

    /** Checks that the caller may watch the lot's auction (as for {@link #view}); returns the current log position. */
    @Transactional(readOnly = true)
    public long watch(@Nullable CurrentUser user, LotId lotId) {
        return visible(user, lotId).seq();
    }

    /**
     * Replays the log through the engine and checks its chain (SPEC §6): the answer says whether every entry's hash
     * holds and whether the replay gives the same ranking and winner as the live run.
     */
    @Transactional(readOnly = true)
    public ReplayReport replay(@Nullable CurrentUser user, LotId lotId) {
        StoredAuction row = visible(user, lotId);
        List<LogEntry> log = store.log(row.lot(), 0);
        Long firstBad = null;
        String previous = GENESIS;
        List<AuctionEvent> replayed = new ArrayList<>();
        for (LogEntry entry : log) {
            if (!entry.prevHash().equals(previous) || !entry.hash().equals(hash(previous, entry.seq(), entry.payload()))) {
                firstBad = firstBad == null ? entry.seq() : firstBad;
            }
            previous = entry.hash();
            replayed.add(JSON.readValue(entry.payload(), AuctionEvent.class));
        }
        Auction live = restore(row);
        Auction again = Auction.replay(rules(row), offers(row), replayed);
        boolean same = again.status() == live.status() && again.ranking().equals(live.ranking())
                && again.winner().equals(live.winner());
        return new ReplayReport(firstBad == null && previous.equals(row.headHash()), firstBad, log.size(),
                row.headHash(), same, rankingOf(again), again.winner().map(s -> s.participant().label()).orElse(null));
    }

    /** The auction protocol (HTML), once the auction has ended; public like the procedure. */
    @Transactional(readOnly = true)
    public String protocol(@Nullable CurrentUser user, LotId lotId) {
        StoredAuction row = visible(user, lotId);
        if (row.protocol() == null) {
            throw new NotFoundException("Protocol");
        }
        return row.protocol();
    }

    // ---------------------------------------------------------------- internals

    /**
     * Appends each change's events to its lot's chained log and stores the snapshots, all in one round trip each;
     * then, per lot, what follows a change: the start and end events, the award at the end, the kept engine and the
     * watchers' wake-up after the commit.
     */
    private void record(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<UUID, List<LogEntry>> entries = new LinkedHashMap<>();
        List<AuctionStore.Snapshot> snapshots = new ArrayList<>();
        List<Runnable> after = new ArrayList<>();
        for (Change change : changes) {
            StoredAuction row = change.row();
            long seq = row.seq();
            String head = row.headHash();
            List<LogEntry> lotEntries = new ArrayList<>();
            AuctionEvent.Ended ended = null;
            AuctionEvent.Extended extended = null;
            boolean started = false;
            for (AuctionEvent event : change.outcome().events()) {
                String payload = payload(event);
                seq++;
                String hash = hash(head, seq, payload);
                lotEntries.add(new LogEntry(seq, event.at(), event.getClass().getSimpleName(), payload, head, hash));
                head = hash;
                if (event instanceof AuctionEvent.Ended e) {
                    ended = e;
                } else if (event instanceof AuctionEvent.Extended e) {
                    extended = e;
                }
                started |= event instanceof AuctionEvent.Started;
            }
            Auction auction = change.outcome().auction();
            String state = JSON.writeValueAsString(auction.state());
            entries.put(row.lot(), lotEntries);
            snapshots.add(new AuctionStore.Snapshot(row.lot(), state, auction.status(),
                    auction.nextDeadline().orElse(null), seq, head));
            StoredAuction now = new StoredAuction(row.lot(), row.procedure(), row.buyer(), row.currency(),
                    row.kind(), row.signatureRequired(), row.rules(), row.offers(), state, auction.status(),
                    auction.nextDeadline().orElse(null), seq, head, row.protocol());
            boolean start = started;
            AuctionEvent.Ended end = ended;
            AuctionEvent.Extended extension = end == null ? extended : null; // an ended auction is not extended
            after.add(() -> {
                keepAfterCommit(now, auction);
                if (start) {
                    events.publishEvent(new AuctionStarted(row.procedure(), new LotId(row.lot()),
                            auction.participants().size(), clock.instant()));
                }
                if (extension != null) {
                    events.publishEvent(new AuctionExtended(row.procedure(), new LotId(row.lot()),
                            extension.endsAt(), extension.at()));
                }
                if (end != null) {
                    finish(row, auction, end, now.seq(), now.headHash());
                }
                wakeups.afterCommit(new LotId(row.lot()));
            });
        }
        store.append(entries);
        store.updateAll(snapshots);
        after.forEach(Runnable::run);
    }

    /** A lot's row as it was locked, and what a bid or the clock made of it. */
    private record Change(StoredAuction row, Outcome outcome) {
    }

    private static String payload(AuctionEvent event) {
        return JSON.writerFor(AuctionEvent.class).writeValueAsString(event);
    }

    /** The row at an earlier log position of the same transaction, for {@link #view}: the seq is all that differs. */
    private static StoredAuction atSeq(StoredAuction row, long seq) {
        return new StoredAuction(row.lot(), row.procedure(), row.buyer(), row.currency(), row.kind(),
                row.signatureRequired(), row.rules(), row.offers(), row.state(), row.status(), row.nextDeadline(),
                seq, row.headHash(), row.protocol());
    }

    /** The lot's row, locked until the end of the transaction, and its engine: the one kept here if still current. */
    private Optional<Locked> lock(UUID lot) {
        return Optional.ofNullable(lockAll(Set.of(lot)).get(lot));
    }

    /**
     * The lots' rows, locked until the end of the transaction (in lot order, by one statement), and their engines: the
     * ones kept here where still current, the others restored from the rows. Unknown lots are absent.
     */
    private Map<UUID, Locked> lockAll(Set<UUID> lots) {
        Map<UUID, AuctionStore.Head> heads = store.lockHeads(lots);
        Map<UUID, Locked> locked = new HashMap<>();
        List<UUID> stale = new ArrayList<>();
        for (UUID lot : lots) {
            AuctionStore.Head head = heads.get(lot);
            Locked kept = engines.getIfPresent(lot);
            if (head == null) {
                engines.invalidate(lot);
            } else if (kept != null && head.seq() == kept.row().seq() && head.headHash().equals(kept.row().headHash())
                    && head.status() == kept.row().status()) {
                locked.put(lot, kept);
            } else {
                stale.add(lot);
            }
        }
        if (!stale.isEmpty()) {
            for (StoredAuction row : store.findAll(stale)) {
                Locked read = new Locked(row, restore(row));
                engines.put(row.lot(), read); // read under the lock, so committed: it may be kept at once
                locked.put(row.lot(), read);
            }
        }
        return locked;
    }

    /** Keeps the engine a transaction of this node produced, once (and only if) that transaction commits. */
    private void keepAfterCommit(StoredAuction row, Auction auction) {
        engines.invalidate(row.lot());
        if (auction.status() == AuctionStatus.ENDED) {
            return; // the end also writes the protocol; an ended auction takes no more bids worth a kept engine
        }
        Locked locked = new Locked(row, auction);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    engines.put(row.lot(), locked);
                }
            });
        }
    }

    /** A lot's row and its engine, as of the row's log head. */
    private record Locked(StoredAuction row, Auction auction) {
    }

    private void finish(StoredAuction row, Auction auction, AuctionEvent.Ended ended, long seq, String head) {
        List<AuctionResult.Placing> placings = auction.ranking().stream()
                .map(s -> new AuctionResult.Placing(UUID.fromString(s.participant().id()), s.rank(), s.price()))
                .toList();
        UUID winner = ended.winnerId() == null ? null : UUID.fromString(ended.winnerId());
        procurement.recordAuctionResult(row.procedure(), new LotId(row.lot()),
                new AuctionResult(placings, winner, ended.winningPrice()));
        ProcedureView procedure = procurement.describe(row.procedure());
        String html = auctionProtocol.render(procedure, row, auction, ended, seq, head);
        store.protocol(row.lot(), html, sha256(html));
        events.publishEvent(new AuctionEnded(row.procedure(), new LotId(row.lot()),
                auction.winner().map(s -> s.participant().label()).orElse(null), ended.winningPrice(), seq, head,
                ended.at()));
    }

    private AuctionView view(StoredAuction row, Auction auction, Optional<UUID> me) {
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
    private static BigDecimal oneStep(PriceRange range, @Nullable BigDecimal best) {
        if (best == null) {
            return range.to();
        }
        return best.subtract(range.from()).abs().compareTo(best.subtract(range.to()).abs()) <= 0
                ? range.from() : range.to();
    }

    private static List<AuctionView.Place> rankingOf(Auction auction) {
        return auction.ranking().stream()
                .map(s -> new AuctionView.Place(s.rank(), s.participant().label(), s.price(), s.at()))
                .toList();
    }

    /** The lot's auction if the caller may see its procedure (a closed procedure's auction is as private). */
    private StoredAuction visible(@Nullable CurrentUser user, LotId lotId) {
        StoredAuction row = store.find(lotId.value()).orElseThrow(() -> new NotFoundException("Auction"));
        procurement.view(user, row.procedure()); // 404 for whoever may not see the procedure
        return row;
    }

    /** The organization the user bids for: a supplier membership that is a participant (or the one named). */
    private Optional<UUID> participantOrganization(CurrentUser user, Auction auction, @Nullable UUID named) {
        return participantOrganization(supplierOrganizations(user, named), auction);
    }

    /** The user's supplier organizations (only the named one, if one is named). */
    private List<UUID> supplierOrganizations(CurrentUser user, @Nullable UUID named) {
        return supplierOrganizations(organizations.membershipsOf(user.id()), named);
    }

    private static List<UUID> supplierOrganizations(List<Membership> memberships, @Nullable UUID named) {
        return memberships.stream()
                .filter(m -> m.has(Role.SUPPLIER))
                .map(Membership::organization).map(OrganizationId::value)
                .filter(id -> named == null || named.equals(id))
                .toList();
    }

    /** Of the caller's supplier organizations, the one that is a participant (the first, if several are). */
    private static Optional<UUID> participantOrganization(List<UUID> organizations, Auction auction) {
        return organizations.stream()
                .filter(id -> auction.participant(id.toString()).isPresent())
                .min(Comparator.naturalOrder());
    }

    /**
     * The engine as of a row read for a page, a stream or a view: the one kept for the lot if it is at that very log
     * head (a busy lot is read far more often than it changes, and parsing its snapshot is the costly part), else
     * restored from the row. Not kept from here: only rows read under the lock, and this node's commits, are.
     */
    private Auction engineOf(StoredAuction row) {
        Locked kept = engines.getIfPresent(row.lot());
        return kept != null && kept.row().seq() == row.seq() && kept.row().headHash().equals(row.headHash())
                && kept.row().status() == row.status() ? kept.auction() : restore(row);
    }

    private Auction restore(StoredAuction row) {
        return Auction.restore(rules(row), JSON.readValue(row.state(), AuctionState.class));
    }

    private static AuctionRules rules(StoredAuction row) {
        return JSON.readValue(row.rules(), AuctionRules.class);
    }

    private static List<InitialOffer> offers(StoredAuction row) {
        return JSON.readValue(row.offers(), OFFERS);
    }

    private static AuctionKind kindOf(ProcedureView procedure) {
        return AuctionKind.valueOf(procedure.kind().name().replace("_AUCTION", ""));
    }

    static String hash(String previous, long seq, String payload) {
        return sha256(previous + "\n" + seq + "\n" + payload);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
