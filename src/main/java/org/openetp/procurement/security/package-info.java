/**
 * Bid security (SPEC §4.5): deposits blocked on the supplier's ledger account and bank guarantees the operator
 * checks; released to the losers at award and to all when a lot fails or the procedure is cancelled.
 */
@org.jspecify.annotations.NullMarked
package org.openetp.procurement.security;
