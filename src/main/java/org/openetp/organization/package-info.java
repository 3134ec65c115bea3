/**
 * Organizations: registration with identifier validation, requisites, product categories offered and consumed,
 * members and their roles, and accreditation by the operator.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package org.openetp.organization;
