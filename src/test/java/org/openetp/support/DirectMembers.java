package org.openetp.support;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.openetp.identity.NewUser;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.RegisterOrganization;

/**
 * Accredited members made through the module APIs, without HTTP: for set-ups that run outside a test context's
 * request flow (a second node, the benchmarks).
 */
public final class DirectMembers {

    public static final String PASSWORD = "password-123";

    private DirectMembers() {
    }

    /** Registers a confirmed user with an accredited Russian organization of its own; returns the e-mail. */
    public static String member(Identity identity, Organizations organizations, CurrentUser operator, String who,
            @Nullable String industry) {
        String email = TestIdentifiers.email(who);
        UserId id = identity.registerConfirmed(new NewUser(who, email, "+7 900 000-00-00", who, PASSWORD, "en"),
                false);
        OrganizationId organization = organizations.register(new RegisterOrganization(null,
                new RegisterOrganization.OrganizationPart("RU", "LLC", TestIdentifiers.inn10(),
                        TestIdentifiers.ogrn(), "773601001", who + " LLC", who, "Moscow", "Moscow", "Moscow",
                        List.of(), List.of(), false, industry, null)), id, "en").organizationId();
        organizations.accredit(operator, organization);
        return email;
    }

    /** The user with this e-mail, as the modules see a caller. */
    public static CurrentUser user(Identity identity, String email) {
        var s = identity.findByEmail(email).orElseThrow();
        return new CurrentUser(s.id(), s.email(), s.fullName(), s.operator(), s.locale());
    }
}
