package org.openetp.auction;

/** One log entry as watchers may see it: its position, its type and its JSON with bidders shown by label only. */
public record LiveEvent(long seq, String type, String json) {
}
