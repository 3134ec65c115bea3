package org.openetp.notification;

/** What a notification is about; users choose the channels per kind (SPEC §10). */
public enum NotificationKind {
    ACCREDITATION, NEW_PROCEDURE, QUESTION_ANSWERED, DOCUMENTATION_AMENDED, BIDS_OPENED, AWARD, PROCEDURE_CANCELLED,
    /** Money moved on the organization's account: a top-up, a deposit blocked, released or forfeited. */
    ACCOUNT,
    /** Tariff plans: an invoice issued, a payment recorded, a subscription about to end. */
    BILLING,
    /** The sales team's CRM: a client handed over to service, a new lead from a tender, a conflict to decide. */
    CRM,
    /** An invitation to a procedure by invitation (closed tenders, competitive negotiations). */
    INVITATION,
    /** A step of a tender: a qualification or stage-1 protocol, a call for final offers, a negotiation message. */
    TENDER_STEP,
    /** A lot's live auction started, was extended or ended. */
    AUCTION,
    /** A contract's terms changed after an acceptance: both sides are asked to accept again. */
    CONTRACT,
    /** A supplier asked a clarification question on one of the organization's procedures (for its buyers). */
    QUESTION_ASKED
}
