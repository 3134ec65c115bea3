package org.openetp.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.openetp.identity.TimeZones;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The e-mail confirmation landing page and the user's own account page: time zone and API tokens. */
@Controller
class AccountPageController {

    private final Identity identity;

    AccountPageController(Identity identity) {
        this.identity = identity;
    }

    @GetMapping("/confirm")
    String confirm(@RequestParam(required = false) @Nullable String token, Model model) {
        try {
            if (token == null || token.isBlank()) {
                throw new RuleViolationException("confirmation.invalid");
            }
            identity.confirmEmail(token);
            model.addAttribute("confirmed", true);
        } catch (RuleViolationException e) {
            model.addAttribute("confirmed", false);
            model.addAttribute("errorKey", e.messageKey());
        }
        return "identity/confirmed";
    }

    @PostMapping("/confirm/resend")
    String resend(@RequestParam String email, RedirectAttributes redirect) {
        identity.resendConfirmation(email);
        redirect.addFlashAttribute("info", "confirmation.resent");
        return "redirect:/login";
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("tokens", identity.tokens(user.id()));
        model.addAttribute("zones", TimeZones.all());
        if (!model.containsAttribute("timeZone")) {
            model.addAttribute("timeZone", identity.timeZone(user.id()).map(ZoneId::getId).orElse(""));
        }
        return "identity/account";
    }

    /** The user picks the zone pages show times in; a zone not on the list is refused beside the field. */
    @PostMapping("/account/time-zone")
    String timeZone(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable String timeZone, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            identity.changeTimeZone(user.id(), timeZone);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("timeZone", timeZone == null ? "" : timeZone);
            model.addAttribute("timeZoneError", e.errors().getFirst().messageKey());
            return account(user, model);
        }
        redirect.addFlashAttribute("info", "timeZone.saved");
        return "redirect:/account";
    }

    @PostMapping("/account/tokens")
    String issue(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String name,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("issued", identity.issueToken(user.id(), name));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().messageKey());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        identity.revokeToken(user.id(), id);
        redirect.addFlashAttribute("info", "token.revoked");
        return "redirect:/account";
    }
}
