package org.openetp.procurement.documents;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A procedure's documentation: its versions, newest first, and every document of them, replaced ones included. */
public record DocumentationView(List<VersionView> versions, List<DocumentView> documents) {

    /**
     * One version. The first is published with the procedure ({@code publishedAt} is null while it is a draft); each
     * amendment publishes the next at once, with the submission deadline then in force.
     */
    public record VersionView(int number, @Nullable Instant publishedAt, Instant submissionDeadline,
            boolean deadlineExtended) {
    }

    /** The documents in force. */
    public List<DocumentView> current() {
        return documents.stream().filter(DocumentView::current).toList();
    }

    /** The documents a version added. */
    public List<DocumentView> addedIn(int version) {
        return documents.stream().filter(d -> d.version() == version).toList();
    }
}
