package org.openetp.procurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openetp.classifier.Classifier;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;

/**
 * A procedure's content once every field of a {@link CreateProcedure} has been checked: the create form and the
 * draft editor parse into it in one place ({@link DraftChecks}), so nothing downstream checks a field again.
 */
record ProcedureDraft(ProcedureKind kind, String title, String description, String currency,
        Instant submissionDeadline, List<Lot> lots, List<Criterion> criteria, ProcedureSettings settings) {

    /** Checks the command; refuses it (400) naming every bad field at once. */
    static ProcedureDraft of(Classifier classifier, CreateProcedure command, Instant now) {
        return DraftChecks.check(classifier, command, now);
    }

    /** A new draft procedure of the buyer with this content, sealed with its own key. */
    Procedure newProcedure(UUID buyer, UUID createdBy, byte[] sealedKey, Instant now, ProcedureLanguage language) {
        return new Procedure(ProcedureId.random(), buyer, createdBy, kind, title, description, currency,
                ProcedureStatus.DRAFT, submissionDeadline, null, criteria, lots, null, null, null, null, sealedKey,
                null, now, 0, settings, language);
    }
}
