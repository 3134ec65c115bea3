/**
 * Billing (SPEC §4): tariff plans and free participation rules the operator manages, subscriptions bought by supplier
 * organizations with their invoices and payments (recorded by the operator or a payment provider's signed callback),
 * and the entitlement check procurement makes when a supplier bids.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package org.openetp.billing;
