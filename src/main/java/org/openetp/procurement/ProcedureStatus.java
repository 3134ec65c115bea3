package org.openetp.procurement;

/** The lifecycle of SPEC §5.2. */
public enum ProcedureStatus { DRAFT, PUBLISHED, OPENED, EVALUATION, AWARDED, CANCELLED, FAILED }
