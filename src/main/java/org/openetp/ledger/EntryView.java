package org.openetp.ledger;

import java.math.BigDecimal;

/**
 * One entry of a posting. {@code amount} is the signed change of the account's balance: positive puts money into
 * the account, negative takes it out, so the entries of a posting sum to zero. Accounts are named
 * {@code organization:<id>:<currency>:available|blocked} and {@code platform:<currency>:bank|revenue}; the bank
 * account stands for the world outside the platform, so its balance is minus the money that came in.
 */
public record EntryView(String account, BigDecimal amount) {
}
