/**
 * Analytics (SPEC §9): a read model of its own, one row per published lot and per opened bid, kept by listeners on
 * procurement's and the auction's lot-level events (and the ledger's charges, for tariff revenue) and rebuilt through their APIs; the standard
 * procurement indicators (docs/indicators.md), dashboards with charts and tables per role, and integrity red flags.
 * It listens and reads through module APIs; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"procurement", "auction", "organization", "ledger",
        "identity", "classifier", "shared"})
@org.jspecify.annotations.NullMarked
package org.openetp.analytics;
