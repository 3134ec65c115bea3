package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A participant's place in the ranking.
 *
 * @param price its best price (in a Japanese auction: the last price it confirmed, its initial offer if none)
 * @param at when that price was given, which breaks ties (earlier is better)
 * @param adjustedPrice price × its non-price coefficient when the multi-round auction has coefficients, else null
 */
public record Standing(int rank, Participant participant, BigDecimal price, Instant at,
        @Nullable BigDecimal adjustedPrice) {
}
