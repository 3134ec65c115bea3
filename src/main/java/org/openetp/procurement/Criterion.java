package org.openetp.procurement;

import java.math.BigDecimal;

/**
 * An evaluation criterion with its weight in percent. The {@code price} criterion is scored by formula (weight ×
 * best price / price); every other one by the committee members, 0 to 10 each.
 */
public record Criterion(String code, BigDecimal weight) {

    public static final String PRICE = "price";

    public boolean price() {
        return PRICE.equals(code);
    }
}
