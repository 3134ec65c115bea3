/** Billing's rules without web or SQL: validation of the operator's data, invoice documents, callback signatures. */
@org.jspecify.annotations.NullMarked
package org.openetp.billing.domain;
