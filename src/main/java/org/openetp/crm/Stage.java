package org.openetp.crm;

/** The six stages of a B2B sale (the seed's section 8); CLOSE is the won sale, LOST is work on the failure. */
public enum Stage {
    RESEARCH, CONTACT, NEED, PRESENT, CLOSE, LOST
}
