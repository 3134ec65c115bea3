package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.AuctionEvent.Ended;
import org.openetp.auction.domain.AuctionEvent.RoundStarted;

/**
 * One auction kind's rules (ARCHITECTURE.md "where a feature goes": an auction kind is a rules object of the engine).
 * {@link Auction} keeps what every kind shares (the fold, the common refusals, the ranking by price); a kind decides
 * what a bid does, what is due when time passes, and the few things a kind reads differently. A new kind is a new
 * class here and one line in {@link AuctionKind#play()}. The methods only decide events; state still changes only in
 * {@link Auction#apply}, so replay is untouched by where a rule lives.
 */
sealed interface KindRules permits PriceRules, SealedBidRules, DutchRules, JapaneseRules, MultiRoundRules {

    /** The price before the start: the start price unless the kind opens elsewhere (or hides it: null). */
    default @Nullable BigDecimal openingPrice(AuctionRules rules) {
        return rules.startPrice();
    }

    /** The end as known at the start (see {@link Auction#endsAt()}). */
    Instant plannedEnd(AuctionRules rules, int participantCount);

    /** Starts the auction at its start instant: {@link AuctionEvent.Started}, and what follows it at once. */
    void start(Run run, Instant at);

    /** Whether this kind takes the command at all. */
    boolean takes(BidCommand command);

    /**
     * Why {@code participantId}, a participant of the running auction, may not act now; null when it may. The
     * command is not looked at: this also answers whether it may bid at all.
     */
    @Nullable AuctionRefusedException refusal(Auction auction, String participantId);

    /** Emits what an allowed command does, at {@code now}, on the auction as {@code run} holds it. */
    void bid(Run run, String participantId, BidCommand command, Instant now);

    /** Emits what is due at {@code at}, the running auction's next deadline. */
    void fire(Run run, Instant at);

    /** The next instant something is due while running. */
    default Optional<Instant> nextDeadline(Auction auction) {
        return Optional.ofNullable(auction.state().endsAt());
    }

    /** The ranking while running (see {@link Auction#ranking()}). */
    default List<Standing> runningRanking(Auction auction) {
        return auction.rank();
    }

    /** The prices an allowed participant may bid now; empty for the kinds where it names no price. */
    default Optional<PriceRange> validRange(Auction auction, String participantId) {
        return Optional.empty();
    }

    /** What a started round changes besides the round number. */
    default void roundStarted(Auction auction, StateDraft draft, RoundStarted event) {
    }

    /** What the end changes besides the status, the winner and the ranking. */
    default void ended(StateDraft draft, Ended event) {
    }
}
