package org.openetp.auction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.Auction;
import org.openetp.auction.domain.AuctionEvent;
import org.openetp.auction.domain.AuctionKind;
import org.openetp.auction.domain.AuctionRefusedException;
import org.openetp.auction.domain.AuctionRules;
import org.openetp.auction.domain.BidCommand;
import org.openetp.auction.domain.InitialOffer;
import org.openetp.auction.domain.Outcome;
import org.openetp.auction.domain.Participant;
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
import org.springframework.transaction.support.TransactionTemplate;
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
    private final AuctionEngines engines;
    private final AuctionReads reads;

    Auctions(AuctionStore store, Procurement procurement, Organizations organizations, Signatures signatures,
            ApplicationEventPublisher events, TransactionTemplate transactions, Wakeups wakeups, Clock clock,
            AuctionProtocol auctionProtocol, AuctionEngines engines, AuctionReads reads) {
        this.store = store;
        this.procurement = procurement;
        this.organizations = organizations;
        this.signatures = signatures;
        this.events = events;
        this.transactions = transactions;
        this.wakeups = wakeups;
        this.clock = clock;
        this.auctionProtocol = auctionProtocol;
        this.engines = engines;
        this.reads = reads;
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
                AuctionEngines.Locked locked = engines.lock(lot).orElseThrow();
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
            Map<UUID, AuctionEngines.Locked> locked = engines.lockAll(byLot.keySet());
            Map<UserId, List<Membership>> memberships = organizations.membershipsOf(byLot.values().stream()
                    .flatMap(List::stream).map(w -> w.bid().user().id()).collect(Collectors.toSet()));
            List<Change> changes = new ArrayList<>();
            byLot.forEach((lot, bids) -> {
                AuctionEngines.Locked lotLocked = locked.get(lot);
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
    private @Nullable Change placeOnLot(AuctionEngines.Locked locked, List<BidBatches.Waiting> bids,
            Map<UserId, List<Membership>> memberships, List<Runnable> answers) {
        StoredAuction row = locked.row();
        Auction auction = locked.auction();
        List<AuctionEvent> events = new ArrayList<>();
        long seq = row.seq();
        for (BidBatches.Waiting waiting : bids) {
            BidBatches.Bid bid = waiting.bid();
            try {
                UUID organization = reads.participantOrganization(AuctionReads.supplierOrganizations(
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
                BidAcknowledged answer = new BidAcknowledged(seq, reads.view(before, auction, Optional.of(organization)));
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
        UUID organization = reads.participantOrganization(user, engines.restore(row), command.organizationId())
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

    // ---------------------------------------------------------------- what watchers see (AuctionReads)

    /** The auction as the caller may see it: the anonymous ranking, and to a participant its rank and valid prices. */
    @Transactional(readOnly = true)
    public AuctionView view(@Nullable CurrentUser user, LotId lotId) {
        return reads.view(user, lotId);
    }

    /** The log entries after {@code afterSeq} as watchers may see them (for the SSE stream). */
    @Transactional(readOnly = true)
    public List<LiveEvent> events(LotId lotId, long afterSeq) {
        return reads.events(lotId, afterSeq);
    }

    /** The whole log as watchers see it, for anyone who may see the auction. */
    @Transactional(readOnly = true)
    public List<LiveEvent> log(@Nullable CurrentUser user, LotId lotId) {
        return reads.log(user, lotId);
    }

    /** Checks that the caller may watch the lot's auction (as for {@link #view}); returns the current log position. */
    @Transactional(readOnly = true)
    public long watch(@Nullable CurrentUser user, LotId lotId) {
        return reads.watch(user, lotId);
    }

    /** Replays the log through the engine and checks its hash chain (SPEC §6). */
    @Transactional(readOnly = true)
    public ReplayReport replay(@Nullable CurrentUser user, LotId lotId) {
        return reads.replay(user, lotId);
    }

    /** The auction protocol (HTML), once the auction has ended; public like the procedure. */
    @Transactional(readOnly = true)
    public String protocol(@Nullable CurrentUser user, LotId lotId) {
        return reads.protocol(user, lotId);
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
                engines.keepAfterCommit(now, auction);
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
