package org.openetp.opendata;

/**
 * How much of a procedure a release shows: {@code TENDER} as it was first published (the backfill's first release of a
 * procedure that existed before open data), {@code FULL} as it is now.
 */
enum Stage { TENDER, FULL }
