package org.openetp.auction.domain;

import java.math.BigDecimal;

/** The prices a participant may bid now, both ends inclusive. */
public record PriceRange(BigDecimal from, BigDecimal to) {

    public PriceRange {
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("Empty range " + from + ".." + to);
        }
    }

    /** Whether {@code price} lies in the range. */
    public boolean contains(BigDecimal price) {
        return from.compareTo(price) <= 0 && price.compareTo(to) <= 0;
    }
}
