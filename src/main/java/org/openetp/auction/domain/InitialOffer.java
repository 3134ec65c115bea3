package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** The price a participant submitted with its application: sealed until the start, then its opening position. */
public record InitialOffer(Participant participant, BigDecimal price, Instant at) {
}
