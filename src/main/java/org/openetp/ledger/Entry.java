package org.openetp.ledger;

import java.math.BigDecimal;

/** One entry to write: the signed change of the account's balance. */
record Entry(Account account, BigDecimal amount) {
}
