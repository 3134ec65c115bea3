package org.openetp.organization;

/** Accreditation state: only ACCREDITED organizations may publish procedures or bid (SPEC §1.5). */
public enum OrganizationStatus { PENDING, ACCREDITED, REJECTED }
