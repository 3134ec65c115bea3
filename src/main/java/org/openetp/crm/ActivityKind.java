package org.openetp.crm;

/** What a manager did with a client. */
public enum ActivityKind {
    CALL, MEETING, EMAIL, PROPOSAL
}
