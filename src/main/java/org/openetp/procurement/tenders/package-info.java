/**
 * The tender kinds that add a stage to the one engine (SPEC §5.1): re-bidding rounds, framework agreements with
 * their call-offs, two envelopes. Each is a setting of the procedure and a policy in {@code procurement.domain}.
 */
@org.jspecify.annotations.NullMarked
package org.openetp.procurement.tenders;
