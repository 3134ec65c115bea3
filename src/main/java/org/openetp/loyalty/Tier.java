package org.openetp.loyalty;

import java.math.BigDecimal;

/** A tier of a program: reached at a rolling 12-month volume, it multiplies the points of each earning. */
public record Tier(int rank, String name, BigDecimal minVolume, BigDecimal multiplier) {
}
