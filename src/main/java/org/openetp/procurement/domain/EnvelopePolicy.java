package org.openetp.procurement.domain;

import java.util.List;
import org.openetp.procurement.BidStatus;
import org.openetp.shared.RuleViolationException;

/**
 * The rules of a two-envelope tender (SPEC §5.1 item 5, setting {@code twoEnvelope}): a bid's technical envelope
 * holds everything but the price ({@link BidContent#technical()}); the deadline opens only the technical envelopes;
 * the buyer decides each bid's technical compliance; only once every bid is decided are the price envelopes opened,
 * and only those of compliant bids. The decisions are final from then on, and the award waits for the prices.
 */
public final class EnvelopePolicy {

    private EnvelopePolicy() {
    }

    /**
     * Refuses opening the price envelopes outside a two-envelope tender in evaluation, a second time, or while any
     * bid's technical compliance is undecided.
     */
    public static void requireCanOpenPrices(boolean twoEnvelope, boolean inEvaluation, boolean openedAlready,
            int undecided) {
        if (!twoEnvelope) {
            throw new RuleViolationException("envelope.notThisKind");
        }
        if (openedAlready) {
            throw new RuleViolationException("envelope.openedAlready");
        }
        if (!inEvaluation) {
            throw new RuleViolationException("envelope.notInEvaluation");
        }
        if (undecided > 0) {
            throw new RuleViolationException("envelope.undecided", undecided);
        }
    }

    /** Only technically compliant (admitted) bids have their price envelope opened; a rejected one never. */
    public static boolean priceEnvelopeOpens(BidStatus status) {
        return status == BidStatus.ADMITTED;
    }

    /** The admitted bids whose price envelopes the opening reveals, keeping their order. */
    public static <T> List<T> toOpen(List<T> bids, java.util.function.Function<T, BidStatus> status) {
        return bids.stream().filter(b -> priceEnvelopeOpens(status.apply(b))).toList();
    }

    /** Technical decisions cannot change once prices are known: a price must never decide compliance. */
    public static void requireDecisionsOpen(boolean twoEnvelope, boolean pricesOpened) {
        if (twoEnvelope && pricesOpened) {
            throw new RuleViolationException("envelope.decisionsFinal");
        }
    }

    /** The ranking needs prices: a two-envelope lot is awarded only after the price opening. */
    public static void requirePricesForAward(boolean twoEnvelope, boolean pricesOpened) {
        if (twoEnvelope && !pricesOpened) {
            throw new RuleViolationException("envelope.pricesSealed");
        }
    }
}
