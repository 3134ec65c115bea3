package org.openetp.procurement.domain;

import java.math.BigDecimal;

/**
 * What an alternative offer beside a bid seals, each on its own: a random salt (its digest must not let anyone guess
 * the price, as for the bid), the description and the price with two decimals.
 */
public record AlternativeContent(String salt, String description, BigDecimal price) {

    public AlternativeContent {
        if (salt.isBlank()) {
            throw new IllegalArgumentException("A sealed alternative is salted");
        }
    }
}
