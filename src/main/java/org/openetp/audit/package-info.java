/**
 * Append-only, hash-chained journal of every {@link org.openetp.shared.JournaledEvent} (SPEC §11): entries chain per
 * stream, a background writer folds them into one global anchor chain, and an operator can verify both. Each entry
 * carries a MAC under a key derived from the master key, and the anchor head is signed with the platform key at
 * intervals (checkpoints, public), so that even a database superuser cannot forge or rewrite it unseen.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "signature"})
@org.jspecify.annotations.NullMarked
package org.openetp.audit;
