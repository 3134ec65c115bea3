/**
 * Append-only, hash-chained journal of every {@link org.openetp.shared.JournaledEvent} (SPEC §11): entries chain per
 * stream, a background writer folds them into one global anchor chain, and an operator can verify both.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package org.openetp.audit;
