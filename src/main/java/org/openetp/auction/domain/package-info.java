/**
 * The pure auction engine: immutable state, commands that yield events, a fold that replays them. No Spring, no
 * database, no clock of its own (every time is an {@code Instant now} argument), so a log replays to the same result.
 */
@org.jspecify.annotations.NullMarked
package org.openetp.auction.domain;
