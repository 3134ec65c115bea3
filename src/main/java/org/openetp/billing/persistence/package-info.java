/** Billing's tables (migration billing/V10) through JdbcClient, the SQL in plain sight. */
@org.jspecify.annotations.NullMarked
package org.openetp.billing.persistence;
