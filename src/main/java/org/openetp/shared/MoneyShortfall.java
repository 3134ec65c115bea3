package org.openetp.shared;

import java.math.BigDecimal;

/**
 * A refusal because an organization's account holds too little: how much more it needs, in which currency. Pages
 * that show such a refusal offer a top-up of exactly that amount ({@code /money/top-up?amount=&currency=}).
 */
public interface MoneyShortfall {

    BigDecimal shortfall();

    String currency();
}
