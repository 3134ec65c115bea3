/**
 * Money accounts and the double-entry ledger (SPEC §4.4): each organization's available and blocked money per
 * currency, moved only by balanced, immutable, idempotent postings (top-up, tariff charge, deposit block, release,
 * forfeit), with statements. Billing and bid security post through {@link org.openetp.ledger.Ledger}.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package org.openetp.ledger;
