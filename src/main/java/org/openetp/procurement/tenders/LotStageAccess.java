package org.openetp.procurement.tenders;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.openetp.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Who may act on a procedure's extra stages: the buyer's members, and supplier organizations of the caller. */
@Component
class LotStageAccess {

    private final ProcedureRepository procedures;
    private final Organizations organizations;
    private final TenderAccess tenders;

    LotStageAccess(ProcedureRepository procedures, Organizations organizations, TenderAccess tenders) {
        this.procedures = procedures;
        this.organizations = organizations;
        this.tenders = tenders;
    }

    /** The procedure, locked, for a buyer of its organization; "not found" for anybody outside it. */
    Procedure lockAsBuyer(CurrentUser user, ProcedureId id) {
        Procedure procedure = procedures.findForUpdate(id).orElseThrow(() -> new NotFoundException("Procedure"));
        if (!buyerSide(user, procedure)) {
            throw new NotFoundException("Procedure");
        }
        organizations.requireRole(user.id(), new OrganizationId(procedure.buyer()), Role.BUYER);
        return procedure;
    }

    /** The procedure, if the caller may see it: "not found" for another organization's draft or closed tender. */
    Procedure visible(CurrentUser user, ProcedureId id) {
        Procedure procedure = find(id);
        if (!procedure.isPublic() && !buyerSide(user, procedure) && !user.operator()
                && !tenders.invited(procedure, user)) {
            throw new NotFoundException("Procedure");
        }
        return procedure;
    }

    Procedure find(ProcedureId id) {
        return procedures.find(id).orElseThrow(() -> new NotFoundException("Procedure"));
    }

    Procedure lock(ProcedureId id) {
        return procedures.findForUpdate(id).orElseThrow(() -> new NotFoundException("Procedure"));
    }

    boolean buyerSide(CurrentUser user, Procedure procedure) {
        return organizations.membershipsOf(user.id()).stream()
                .anyMatch(m -> m.organization().value().equals(procedure.buyer()));
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

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    static String escape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
