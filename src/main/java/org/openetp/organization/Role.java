package org.openetp.organization;

/** What a member may do for an organization (SPEC §1.1); the operator is a platform-wide flag, not a role here. */
public enum Role {
    ADMIN, BUYER, SUPPLIER, COMMITTEE_MEMBER, SALES_MANAGER, HEAD_OF_SALES;

    /** Roles that act on the marketplace and so need an accredited organization. */
    public boolean needsAccreditation() {
        return this == BUYER || this == SUPPLIER || this == COMMITTEE_MEMBER;
    }
}
