package org.openetp.procurement.documents.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.web.PageActions;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationStatus;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.procurement.documents.Clarifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Questions and answers" section of the procedure page: public answers, the ask form for suppliers and the
 * answer forms for the buyer. The section is served under {@code /documents/} because clarifications explain the
 * documentation, and that path is the one open to anonymous readers.
 */
@Controller
class QuestionsPageController {

    private final Clarifications clarifications;
    private final Procurement procurement;
    private final Organizations organizations;
    private final PageActions actions;
    private final Clock clock;

    QuestionsPageController(Clarifications clarifications, Procurement procurement, Organizations organizations,
            PageActions actions, Clock clock) {
        this.clarifications = clarifications;
        this.procurement = procurement;
        this.organizations = organizations;
        this.actions = actions;
        this.clock = clock;
    }

    @GetMapping("/procedures/{id}/documents/questions")
    String section(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id, Model model) {
        ProcedureView procedure = procurement.view(user, new ProcedureId(id));
        List<Membership> memberships = user == null ? List.of() : organizations.membershipsOf(user.id());
        boolean buyer = memberships.stream()
                .anyMatch(m -> m.holds(Role.BUYER, procedure.organizationId()));
        List<Membership> askAs = memberships.stream()
                .filter(m -> m.has(Role.SUPPLIER) && m.status() == OrganizationStatus.ACCREDITED
                        && !m.organization().value().equals(procedure.organizationId()))
                .toList();
        Instant questionsUntil = procedure.clarificationDeadline();
        boolean accepting = procedure.status() == ProcedureStatus.PUBLISHED && questionsUntil != null
                && clock.instant().isBefore(questionsUntil);
        model.addAttribute("p", procedure);
        model.addAttribute("questions", clarifications.list(user, procedure.id()));
        model.addAttribute("accepting", accepting);
        model.addAttribute("askAs", askAs);
        model.addAttribute("signedIn", user != null);
        model.addAttribute("canAnswer", buyer && procedure.status() == ProcedureStatus.PUBLISHED);
        return "procurement/questions :: questions";
    }

    @PostMapping("/procedures/{id}/questions")
    String ask(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable UUID organizationId, RedirectAttributes redirect) {
        return actions.run("/procedures/" + id, redirect, () -> {
            clarifications.ask(user, new ProcedureId(id), text, organizationId);
            return "question.asked";
        });
    }

    @PostMapping("/procedures/{id}/questions/{questionId}/answer")
    String answer(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID questionId,
            @RequestParam(required = false) @Nullable String text, RedirectAttributes redirect) {
        return actions.run("/procedures/" + id, redirect, () -> {
            clarifications.answer(user, new ProcedureId(id), questionId, text);
            return "question.answer.published";
        });
    }
}
