package org.openetp.auction.domain;

import org.openetp.shared.InvalidInputException;

/**
 * Auction settings or offers that break a rule. It is an {@link InvalidInputException}, so the web layer answers
 * 400 naming the field, as for any other invalid input.
 */
public final class AuctionRulesException extends InvalidInputException {

    private final String field;
    private final String code;

    public AuctionRulesException(String field, String code) {
        super(field, code);
        this.field = field;
        this.code = code;
    }

    /** The offending setting ("minStepPercent"). */
    public String field() {
        return field;
    }

    /** The reason as a message-bundle key ("auction.settings.stepRange"). */
    public String code() {
        return code;
    }
}
