package org.openetp.auction.domain;

/**
 * A bidder admitted by its initial offer. Bidders are anonymous to each other (SPEC §6), so only {@link #label()} is
 * ever shown to other participants.
 *
 * @param id the organization's UUID as a string
 * @param number 1, 2, ... in the order the offers were submitted
 */
public record Participant(String id, int number) {

    public Participant {
        if (id.isBlank() || number < 1) {
            throw new IllegalArgumentException("A participant needs an id and a number from 1: " + id + ", " + number);
        }
    }

    /** The anonymous name other bidders see. */
    public String label() {
        return "Participant " + number;
    }
}
