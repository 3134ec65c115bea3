package org.openetp.loyalty;

/** The movements of the points ledger. */
public enum PostingKind {
    EARN, UNLOCK, REDEEM, EXPIRE, REVERSE, ADJUST
}
