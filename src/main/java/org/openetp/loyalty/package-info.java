/**
 * Sellers' loyalty programs for their client companies (SPEC §8): earning from platform contracts and won CRM deals,
 * tiers by rolling 12-month volume, a rewards catalogue, expiry, statements; on a points ledger of its own that
 * balances, is idempotent by key and never goes negative. Uses procurement and CRM only through their events.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package org.openetp.loyalty;
