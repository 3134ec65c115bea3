package org.openetp.loyalty;

import java.util.UUID;

/** A client company's membership of one program. */
public record MemberId(UUID value) {

    public static MemberId random() {
        return new MemberId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
