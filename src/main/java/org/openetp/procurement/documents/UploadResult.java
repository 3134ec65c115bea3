package org.openetp.procurement.documents;

import java.time.Instant;
import java.util.List;

/**
 * What an upload did: the documentation version the files joined, whether that version is already public (an
 * amendment) or waits for the procedure's publication, and the submission deadline afterwards.
 */
public record UploadResult(int version, boolean published, Instant submissionDeadline, boolean deadlineExtended,
        List<DocumentView> documents) {
}
