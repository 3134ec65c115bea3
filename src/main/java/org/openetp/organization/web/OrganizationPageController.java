package org.openetp.organization.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Classifier;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationView;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.organization.UpdateRequisites;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The organization profile: requisites and categories (editable by its admin), members and their roles. */
@Controller
class OrganizationPageController {

    private final Organizations organizations;
    private final Classifier classifier;

    OrganizationPageController(Organizations organizations, Classifier classifier) {
        this.organizations = organizations;
        this.classifier = classifier;
    }

    @GetMapping("/organizations/{id}")
    String profile(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model,
            HttpServletRequest request) {
        OrganizationView org = organizations.view(user, new OrganizationId(id));
        UpdateRequisites form = new UpdateRequisites(org.fullName(), org.shortName(), org.ogrn(), org.kpp(),
                org.legalAddress(), org.actualAddress(), org.postalAddress(), org.categoriesOffered(),
                org.categoriesConsumed(), org.sme(), org.industry(), org.region());
        return render(user, org, form, Map.of(), model, request);
    }

    @PostMapping("/organizations/{id}/requisites")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @ModelAttribute UpdateRequisites form, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        OrganizationId org = new OrganizationId(id);
        try {
            organizations.updateRequisites(user, org, form);
            redirect.addFlashAttribute("info", "organization.saved");
            return "redirect:/organizations/" + id;
        } catch (InvalidInputException e) {
            return render(user, organizations.view(user, org), form, FormErrors.byField(e.errors()), model,
                    request);
        }
    }

    @PostMapping("/organizations/{id}/members")
    String addMember(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable Set<Role> roles, RedirectAttributes redirect) {
        return act(id, redirect, () -> organizations.addMember(user, new OrganizationId(id), email, roles));
    }

    @PostMapping("/organizations/{id}/members/{member}/roles")
    String changeRoles(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID member,
            @RequestParam(required = false) @Nullable Set<Role> roles, RedirectAttributes redirect) {
        return act(id, redirect,
                () -> organizations.changeRoles(user, new OrganizationId(id), new UserId(member), roles));
    }

    @PostMapping("/organizations/{id}/members/{member}/remove")
    String remove(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID member,
            RedirectAttributes redirect) {
        return act(id, redirect,
                () -> organizations.removeMember(user, new OrganizationId(id), new UserId(member)));
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("info", "organization.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().messageKey());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/organizations/" + id;
    }

    private String render(CurrentUser user, OrganizationView org, UpdateRequisites form, Map<String, String> errors,
            Model model, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        boolean admin = organizations.membershipsOf(user.id()).stream()
                .anyMatch(m -> m.organization().equals(org.id()) && m.has(Role.ADMIN));
        model.addAttribute("org", org);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("admin", admin);
        model.addAttribute("members", organizations.members(user, org.id()));
        model.addAttribute("roles", List.copyOf(EnumSet.allOf(Role.class)));
        model.addAttribute("categories", CategoryOptions.of(classifier, locale));
        model.addAttribute("offeredNames", classifier.categoriesByCode(org.categoriesOffered(), locale));
        model.addAttribute("consumedNames", classifier.categoriesByCode(org.categoriesConsumed(), locale));
        model.addAttribute("regions", classifier.regions(locale));
        return "organization/profile";
    }
}
