package org.openetp.procurement.tenders;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.FoundOrganization;
import org.openetp.organization.OrganizationSearch;
import org.openetp.organization.OrganizationSearchRequest;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.shared.ForbiddenException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The buyer finds a supplier to invite by name or tax id (issue 19 item 3): the organization search lists accredited
 * organizations only, and each found one is invited with the existing invitation form, its id sent behind the scenes.
 */
@Controller
class InvitationSearchPageController {

    private static final int FOUND = 20;

    private final Procurement procurement;
    private final Organizations organizations;
    private final OrganizationSearch search;

    InvitationSearchPageController(Procurement procurement, Organizations organizations, OrganizationSearch search) {
        this.procurement = procurement;
        this.organizations = organizations;
        this.search = search;
    }

    @GetMapping("/procedures/{id}/invitations/find")
    String find(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String q, Model model) {
        ProcedureView p = procurement.view(user, new ProcedureId(id));
        if (organizations.membershipsOf(user.id()).stream().noneMatch(m -> m.holds(Role.BUYER, p.organizationId()))) {
            throw new ForbiddenException("invitation.buyerOnly");
        }
        List<FoundOrganization> found = q == null || q.isBlank() ? List.of()
                : search.search(user, OrganizationSearchRequest.words(q, FOUND)).items().stream()
                        .filter(o -> !o.id().value().equals(p.organizationId())).toList();
        model.addAttribute("p", p);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("found", found);
        return "procurement/invite-find";
    }
}
