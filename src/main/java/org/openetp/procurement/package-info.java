/**
 * Procurement procedures: lots, sealed bids, opening at the deadline, evaluation, award, protocols. Kinds are
 * presets over one engine (SPEC §5.1): the evaluation policy and settings differ, the lifecycle does not.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package org.openetp.procurement;
