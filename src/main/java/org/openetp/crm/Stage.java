package org.openetp.crm;

/**
 * The six stages of a B2B sale (the seed's section 8); CLOSE is the won sale, LOST is work on the failure. Each has
 * a default probability of winning for the board's weighted value (the head may adjust them per organization, a deal
 * may override its own): 10 % while researching, 20 % once in contact, 40 % with the need confirmed, 60 % after the
 * presentation, 100 % won, 0 % lost.
 */
public enum Stage {
    RESEARCH(10), CONTACT(20), NEED(40), PRESENT(60), CLOSE(100), LOST(0);

    private final int defaultProbability;

    Stage(int defaultProbability) {
        this.defaultProbability = defaultProbability;
    }

    public int defaultProbability() {
        return defaultProbability;
    }
}
