package org.openetp.procurement;

import java.time.Instant;
import java.util.UUID;

/**
 * A supplier asked a clarification question on a published procedure (SPEC §5.4), for telling the buyer's
 * organization (issue 17). It names neither the asker nor its organization: the buyer never learns who asked.
 */
public record QuestionAsked(ProcedureId procedure, UUID question, UUID buyer, Instant occurredAt) {
}
