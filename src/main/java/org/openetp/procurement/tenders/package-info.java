/**
 * The tender kinds that add a stage or a rule to the one engine (SPEC §5.1): invitations, qualification and stage-1
 * applications, competitive negotiations, two envelopes, alternative offers, re-bidding rounds, framework agreements
 * with their call-offs. Each is a setting of the procedure and a policy in {@code procurement.domain}.
 */
@org.jspecify.annotations.NullMarked
package org.openetp.procurement.tenders;
