package org.openetp.organization;

import java.util.Set;
import org.openetp.identity.UserId;

/** A member as the organization's admin sees it. */
public record Member(UserId user, String email, String fullName, Set<Role> roles) {
}
