package org.openetp.procurement;

/**
 * What a bid came to, as its bidder reads it in "My bids": {@code WON} or {@code LOST} once the lot is decided (a
 * rejected bid is lost), {@code WITHDRAWN} if taken back, otherwise {@code PENDING}.
 */
public enum BidResult {
    PENDING, WON, LOST, WITHDRAWN;

    public static BidResult of(BidStatus status) {
        return switch (status) {
            case WINNER -> WON;
            case NOT_AWARDED, REJECTED -> LOST;
            case WITHDRAWN -> WITHDRAWN;
            case SUBMITTED, ADMITTED -> PENDING;
        };
    }
}
