package org.openetp.organization.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Classifier;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Organizations;
import org.openetp.organization.RegisterOrganization;
import org.openetp.organization.RegistrationResult;
import org.openetp.organization.domain.LegalForm;
import org.openetp.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The registration form (SPEC §1.2): one page, every error shown beside its field, nothing kept when invalid. */
@Controller
class RegistrationPageController {

    private final Organizations organizations;
    private final Classifier classifier;

    RegistrationPageController(Organizations organizations, Classifier classifier) {
        this.organizations = organizations;
        this.classifier = classifier;
    }

    @GetMapping("/register")
    String form(Model model, HttpServletRequest request) {
        return render(model, request, new RegisterOrganization(null, null), Map.of());
    }

    @PostMapping("/register")
    String submit(@ModelAttribute RegisterOrganization form, @AuthenticationPrincipal @Nullable CurrentUser user,
            Model model, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        try {
            RegistrationResult result = organizations.register(form, user == null ? null : user.id(),
                    locale.getLanguage());
            model.addAttribute("result", result);
            model.addAttribute("email", form.user() == null ? null : form.user().email());
            model.addAttribute("newUser", user == null);
            return "organization/registered";
        } catch (InvalidInputException e) {
            // The password is never sent back into the page.
            RegisterOrganization.UserPart u = form.user();
            RegisterOrganization kept = new RegisterOrganization(u == null ? null
                    : new RegisterOrganization.UserPart(u.fullName(), u.email(), u.phone(), u.position(), null),
                    form.organization());
            model.addAttribute("conflict", e instanceof org.openetp.shared.ConflictException);
            return render(model, request, kept, FormErrors.byField(e.errors()));
        }
    }

    private String render(Model model, HttpServletRequest request, RegisterOrganization form,
            Map<String, String> errors) {
        Locale locale = RequestContextUtils.getLocale(request);
        model.addAttribute("form", form);
        model.addAttribute("u", form.user() == null
                ? new RegisterOrganization.UserPart(null, null, null, null, null) : form.user());
        model.addAttribute("o", form.organization() == null ? emptyOrganization() : form.organization());
        model.addAttribute("errors", errors);
        model.addAttribute("legalForms", List.of(LegalForm.values()));
        model.addAttribute("categories", CategoryOptions.of(classifier, locale));
        model.addAttribute("regions", classifier.regions(locale));
        return "organization/register";
    }

    private static RegisterOrganization.OrganizationPart emptyOrganization() {
        return new RegisterOrganization.OrganizationPart("RU", null, null, null, null, null, null, null, null, null,
                List.of(), List.of(), false, null, null);
    }
}
