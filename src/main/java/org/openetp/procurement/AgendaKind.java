package org.openetp.procurement;

/**
 * What one line of a home page asks of its reader today. Buyer: a draft to finish, a submission deadline coming, bids
 * to evaluate, questions to answer, a contract to accept. Supplier: an open bid before its deadline, an auction
 * starting, a win, a contract to accept, a lot in its categories whose deposit its account cannot cover. Operator: a
 * bank guarantee to check.
 */
public enum AgendaKind {
    DRAFT, DEADLINE, EVALUATE, QUESTIONS, BUYER_CONTRACT,
    OPEN_BID, AUCTION, WIN, SUPPLIER_CONTRACT, DEPOSIT_SHORT,
    GUARANTEE
}
