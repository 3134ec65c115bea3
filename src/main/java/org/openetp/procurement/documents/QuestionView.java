package org.openetp.procurement.documents;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A clarification question as the caller may see it. It never names who asked (SPEC §5.4); {@code yours} tells the
 * asking organization's own members that it is theirs, and is false for everybody else.
 */
public record QuestionView(UUID id, String text, @Nullable String answer, Instant askedAt,
        @Nullable Instant answeredAt, boolean yours) {

    public boolean answered() {
        return answer != null;
    }
}
