package org.openetp.organization.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationLists;
import org.openetp.organization.Organizations;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.table.TableResponder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's accreditation queue: accredit, or reject with a reason. */
@Controller
class AccreditationPageController {

    private final Organizations organizations;
    private final OrganizationLists lists;
    private final TableResponder tables;

    AccreditationPageController(Organizations organizations, OrganizationLists lists, TableResponder tables) {
        this.organizations = organizations;
        this.lists = lists;
        this.tables = tables;
    }

    /** The queue of organizations waiting for a decision, then every organization as the shared table. */
    @GetMapping("/operator/accreditation")
    @Nullable String queue(@AuthenticationPrincipal CurrentUser operator, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("pending", organizations.pending(operator));
        return tables.page(OrganizationTables.ALL, "organization/accreditation", request, response, model,
                query -> lists.page(operator, query), (query, sink) -> lists.all(operator, query, sink));
    }

    @PostMapping("/operator/accreditation/{id}/accredit")
    String accredit(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID id,
            RedirectAttributes redirect) {
        return decide(redirect, () -> organizations.accredit(operator, new OrganizationId(id)), "accreditation.done");
    }

    @PostMapping("/operator/accreditation/{id}/reject")
    String reject(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return decide(redirect, () -> organizations.reject(operator, new OrganizationId(id), reason),
                "accreditation.rejected");
    }

    private String decide(RedirectAttributes redirect, Runnable decision, String doneKey) {
        try {
            decision.run();
            redirect.addFlashAttribute("info", doneKey);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().messageKey());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/operator/accreditation";
    }
}
