package org.openetp.identity;

import org.jspecify.annotations.Nullable;

/** What other modules may know about a user. */
public record UserSummary(UserId id, String email, String fullName, String phone, String position,
        boolean confirmed, boolean operator, @Nullable String locale) {
}
