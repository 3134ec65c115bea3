package org.openetp.auction.domain;

import java.util.List;

/** A bid the rules refuse; {@link #code()} is a message-bundle key ("auction.step.tooSmall"), args fill it. */
public final class AuctionRefusedException extends RuntimeException {

    private final String code;
    private final List<Object> args;

    public AuctionRefusedException(String code, Object... args) {
        super(args.length == 0 ? code : code + " " + List.of(args));
        this.code = code;
        this.args = List.of(args);
    }

    /** The reason as a message-bundle key. */
    public String code() {
        return code;
    }

    /** The values the message shows (the allowed step, the end...). */
    public List<Object> args() {
        return args;
    }
}
