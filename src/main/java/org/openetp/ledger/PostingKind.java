package org.openetp.ledger;

/** What a posting does; each kind moves money between fixed kinds of accounts (see {@link Ledger}). */
enum PostingKind {
    TOP_UP, CHARGE, BLOCK, RELEASE, FORFEIT, CREDIT
}
