package org.openetp.crm;

/** A contact's part in the client's purchase. */
public enum ContactRole {
    DECISION_MAKER, INFLUENCER, TECHNICAL, USER
}
