package org.openetp.procurement.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.organization.OrganizationId;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidView;
import org.openetp.procurement.LotId;
import org.openetp.procurement.PlaceBid;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.domain.BidContent;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.domain.Ranking;
import org.openetp.procurement.domain.TenderRules;

/**
 * A feature a procedure's settings switch on (two envelopes, alternatives, re-bidding, bid security...), plugged into
 * the one lifecycle at its steps. Every hook does nothing by default: a feature overrides only the steps it changes.
 * Register a feature by making it a Spring bean; {@link org.springframework.core.annotation.Order} places it among
 * the others where the order of two features' hooks at one step matters.
 */
public interface ProcedureFeature {

    /** Whether the procedure's kind and settings switch the feature on; the lifecycle calls no hook of one that is off. */
    boolean appliesTo(ProcedureKind kind, ProcedureSettings settings);

    // ------------------------------------------------------------ submit, withdraw

    /** Before a supplier's bid is taken: refuses a supplier the feature does not let bid (yet). */
    default void beforeBid(Procedure procedure, TenderRules.Standing standing, Instant now) {
    }

    /** What goes into the bid's usual sealed box: its whole plaintext unless the feature keeps a part apart. */
    default byte[] sealing(Procedure procedure, BidContent content, byte[] plaintext) {
        return plaintext;
    }

    /** A supplier's first bid on the lot is stored (its row exists); a replacement does not call it. */
    default void bidSubmitted(Procedure procedure, Lot lot, BidId bid, OrganizationId supplier, PlaceBid command) {
    }

    /** A bid (first or replacement) is sealed and stored with its whole plaintext. */
    default void bidSealed(Procedure procedure, BidId bid, LotId lot, byte[] plaintext) {
    }

    /** A bid was withdrawn before the deadline. */
    default void bidWithdrawn(Procedure procedure, BidId bid) {
    }

    /** The bidder's own bids as it reads them; the feature may add what only the bidder may see. */
    default List<BidView> ownBids(Procedure procedure, List<BidView> own) {
        return own;
    }

    // ------------------------------------------------------------ open, evaluate, award

    /**
     * Whether the feature writes the procedure's evaluation record itself, so that the lifecycle writes no opening
     * and no evaluation protocol of its own (the award protocol is always written).
     */
    default boolean writesOwnProtocols() {
        return false;
    }

    /** The deadline opened the procedure's bids. */
    default void opened(Procedure procedure) {
    }

    /** Before the buyer admits or rejects a bid; refuses while the feature forbids decisions. */
    default void beforeDecision(Procedure procedure) {
    }

    /** The buyer is admitting the bid; refuses when the feature does not let it be admitted. */
    default void admitting(BidId bid) {
    }

    /** Before a lot is ranked and awarded; refuses while the feature holds the award back. */
    default void beforeAward(Procedure procedure, LotId lot) {
    }

    /** Candidates the feature ranks beside the lot's admitted bids. */
    default List<Ranking.Candidate> candidates(Procedure procedure, LotId lot) {
        return List.of();
    }

    /** Records a candidate's place when it is one of the feature's own; false when it is a bid. */
    default boolean ranked(Ranking.Ranked ranked) {
        return false;
    }

    /** When the first of the ranking is one of the feature's candidates, the award it makes instead of a bid's. */
    default Optional<Award> award(Procedure procedure, LotId lot, BidId first, UUID by, Instant now) {
        return Optional.empty();
    }

    /** The lot was decided: awarded to {@code winner}, or failed when null. */
    default void lotDecided(Procedure procedure, LotId lot, @Nullable BidId winner) {
    }

    // ------------------------------------------------------------ cancel

    /** The buyer cancelled the procedure. */
    default void cancelled(Procedure procedure) {
    }

    /** An award a feature makes: the main bid whose bidder signs the contract, at the feature's price. */
    record Award(BidId bid, BigDecimal price) {
    }
}
