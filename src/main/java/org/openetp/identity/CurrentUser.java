package org.openetp.identity;

import java.io.Serializable;
import java.security.Principal;
import org.jspecify.annotations.Nullable;

/** The authenticated person behind a request, as kept in the session or resolved from an API token. */
public record CurrentUser(UserId id, String email, String fullName, boolean operator, @Nullable String locale)
        implements Principal, Serializable {

    /** The user id: what sessions are indexed by (an e-mail may be longer than the session table allows). */
    @Override
    public String getName() {
        return id.toString();
    }
}
