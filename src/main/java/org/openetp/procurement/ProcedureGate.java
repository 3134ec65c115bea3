package org.openetp.procurement;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.openetp.procurement.tenders.TenderAccess;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * Who may see or act on a procedure, for the lifecycle's steps: one place, so that a draft or a sealed bid is hidden
 * the same way by every step (another organization's procedure answers 404, never 403).
 */
@Component
class ProcedureGate {

    private final ProcedureRepository procedures;
    private final Organizations organizations;
    private final TenderAccess tenderAccess;

    ProcedureGate(ProcedureRepository procedures, Organizations organizations, TenderAccess tenderAccess) {
        this.procedures = procedures;
        this.organizations = organizations;
        this.tenderAccess = tenderAccess;
    }

    Procedure find(ProcedureId id) {
        return procedures.find(id).orElseThrow(() -> new NotFoundException("Procedure"));
    }

    Procedure lock(ProcedureId id) {
        return procedures.findForUpdate(id).orElseThrow(() -> new NotFoundException("Procedure"));
    }

    /** The procedure locked for a member of its buyer organization holding the role; 404 for anyone else. */
    Procedure lockOwned(CurrentUser user, ProcedureId id, Role role) {
        Procedure procedure = lock(id);
        if (!memberOf(user, procedure.buyer())) {
            throw new NotFoundException("Procedure");
        }
        organizations.requireRole(user.id(), new OrganizationId(procedure.buyer()), role);
        return procedure;
    }

    /** Public unless a draft (its organization only) or by invitation (the invited too, once published). */
    boolean visible(@Nullable CurrentUser user, Procedure procedure) {
        return procedure.isPublic() || user != null && (memberOf(user, procedure.buyer())
                || tenderAccess.invited(procedure, user));
    }

    boolean memberOf(CurrentUser user, UUID organization) {
        return organizations.membershipsOf(user.id()).stream()
                .anyMatch(m -> m.organization().value().equals(organization));
    }

    Set<UUID> supplierOrganizations(CurrentUser user) {
        Set<UUID> result = new HashSet<>();
        for (Membership m : organizations.membershipsOf(user.id())) {
            if (m.has(Role.SUPPLIER)) {
                result.add(m.organization().value());
            }
        }
        return result;
    }

    static void requireEvaluation(Procedure procedure) {
        if (procedure.status() != ProcedureStatus.EVALUATION) {
            throw new RuleViolationException("procedure.notInEvaluation", procedure.status().name());
        }
    }
}
