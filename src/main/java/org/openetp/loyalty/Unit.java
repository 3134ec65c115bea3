package org.openetp.loyalty;

/** What a balance counts: points, or a money credit with the seller in the program's currency (cashback). */
public enum Unit {
    POINTS, CREDIT
}
