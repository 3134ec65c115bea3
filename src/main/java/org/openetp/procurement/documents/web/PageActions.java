package org.openetp.procurement.documents.web;

import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a form action of the procedure page's sections and goes back to the page, carrying the outcome in the flash
 * attributes the page layout shows: a message key on success, the refusal in the user's language otherwise.
 */
@Component
class PageActions {

    /** An action that decides its own success message key. */
    interface Action {
        String run();
    }

    private final MessageSource messages;

    PageActions(MessageSource messages) {
        this.messages = messages;
    }

    String run(UUID procedure, RedirectAttributes redirect, Action action) {
        Locale locale = LocaleContextHolder.getLocale();
        try {
            redirect.addFlashAttribute("info", action.run());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errorText", e.errors().stream()
                    .map(f -> f.field() + ": " + messages.getMessage(f.messageKey(), null, f.messageKey(), locale))
                    .collect(Collectors.joining("; ")));
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorText",
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/procedures/" + procedure;
    }
}
