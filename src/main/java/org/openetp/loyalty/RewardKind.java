package org.openetp.loyalty;

/** What a reward of the catalogue is (the seed's section 5). */
public enum RewardKind {
    /** A credit note the seller owes the client, settled outside the platform (e.g. on its next invoice). */
    MONEY_CREDIT,
    MARKETING,
    CHARITY,
    TRAINING
}
