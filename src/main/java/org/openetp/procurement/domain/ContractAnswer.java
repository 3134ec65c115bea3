package org.openetp.procurement.domain;

/** The winner's answer to the award: awaited, then signed or refused, once. The stored names are the API's. */
public enum ContractAnswer { PENDING, SIGNED, REFUSED }
