package org.openetp.organization.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationLists;
import org.openetp.organization.OrganizationView;
import org.openetp.organization.Organizations;
import org.openetp.shared.table.TableResponder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The operator's organization register (issue 17 item 6): every organization, found by name, tax id or status,
 * and for each one a card that links to every operator action on it (accreditation, accounts and top-ups, the
 * journal), so that the operator works from names and never types an id. {@code /operator/**} is operator-only.
 */
@Controller
class OrganizationRegisterPageController {

    private final Organizations organizations;
    private final OrganizationLists lists;
    private final TableResponder tables;

    OrganizationRegisterPageController(Organizations organizations, OrganizationLists lists, TableResponder tables) {
        this.organizations = organizations;
        this.lists = lists;
        this.tables = tables;
    }

    @GetMapping("/operator/organizations")
    @Nullable String register(@AuthenticationPrincipal CurrentUser operator, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return tables.page(OrganizationTables.REGISTER, "organization/operator-register", request, response, model,
                query -> lists.page(operator, query), (query, sink) -> lists.all(operator, query, sink));
    }

    @GetMapping("/operator/organizations/{id}")
    String card(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID id, Model model) {
        OrganizationView organization = organizations.view(operator, new OrganizationId(id));
        model.addAttribute("organization", organization);
        return "organization/operator-card";
    }
}
