package org.openetp.identity;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/** The authenticated person behind a request, as kept in the session or resolved from an API token. */
public record CurrentUser(UserId id, String email, String fullName, boolean operator, @Nullable String locale)
        implements Serializable {
}
