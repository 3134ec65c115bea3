package org.openetp.procurement.documents;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.openetp.procurement.tenders.TenderAccess;
import org.openetp.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see or act on a procedure, the same way the procedure itself answers: a draft does not exist for anyone
 * outside its organization (404), and acting for the buyer needs the BUYER role of an accredited organization.
 */
@Component
class ProcedureAccess {

    private final ProcedureRepository procedures;
    private final Organizations organizations;
    private final TenderAccess tenders;

    ProcedureAccess(ProcedureRepository procedures, Organizations organizations, TenderAccess tenders) {
        this.procedures = procedures;
        this.organizations = organizations;
        this.tenders = tenders;
    }

    /** The procedure, if the caller (null: anonymous) may see it. */
    Procedure visible(@Nullable CurrentUser user, ProcedureId id) {
        Procedure procedure = procedures.find(id).orElseThrow(() -> new NotFoundException("Procedure"));
        if (!procedure.isPublic() && !buyerSide(user, procedure) && !tenders.invited(procedure, user)) {
            throw new NotFoundException("Procedure");
        }
        return procedure;
    }

    /** The procedure for one of its buyers, locked when the caller is about to change it. */
    Procedure forBuyer(CurrentUser user, ProcedureId id, boolean lock) {
        Procedure procedure = (lock ? procedures.findForUpdate(id) : procedures.find(id))
                .orElseThrow(() -> new NotFoundException("Procedure"));
        if (!procedure.isPublic() && !buyerSide(user, procedure) && !tenders.invited(procedure, user)) {
            throw new NotFoundException("Procedure");
        }
        organizations.requireRole(user.id(), new OrganizationId(procedure.buyer()), Role.BUYER);
        return procedure;
    }

    /** Whether the caller belongs to the procedure's organization, in any role. */
    boolean buyerSide(@Nullable CurrentUser user, Procedure procedure) {
        return user != null && memberships(user).stream()
                .anyMatch(m -> m.organization().value().equals(procedure.buyer()));
    }

    List<Membership> memberships(CurrentUser user) {
        return organizations.membershipsOf(user.id());
    }

    /** The organizations the caller belongs to (empty for anonymous callers). */
    List<UUID> organizationsOf(@Nullable CurrentUser user) {
        return user == null ? List.of() : memberships(user).stream().map(m -> m.organization().value()).toList();
    }

    void requireRole(CurrentUser user, UUID organization, Role role) {
        organizations.requireRole(user.id(), new OrganizationId(organization), role);
    }
}
