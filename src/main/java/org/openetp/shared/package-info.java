/**
 * Tiny kernel every module may use: errors that carry field names and message keys, the journaled-event contract,
 * outgoing mail and time.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.openetp.shared;
