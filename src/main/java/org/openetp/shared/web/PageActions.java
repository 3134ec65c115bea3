package org.openetp.shared.web;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.MoneyShortfall;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page's form action ends (post, redirect, get): the success message, or the refusal in the user's language —
 * every invalid field with its reason, the rule broken, or the missing right — flashed to the page it redirects to. A
 * refusal for too little money also flashes the shortfall, which the page offers to top up.
 */
@Component
public class PageActions {

    private final MessageSource messages;

    public PageActions(MessageSource messages) {
        this.messages = messages;
    }

    /** Runs the action, flashes {@code doneKey} or the refusal, and redirects to {@code target}. */
    public String run(String target, RedirectAttributes redirect, String doneKey, Runnable action) {
        return run(target, redirect, () -> {
            action.run();
            return doneKey;
        });
    }

    /** As {@link #run(String, RedirectAttributes, String, Runnable)}, for an action that names its own success key. */
    public String run(String target, RedirectAttributes redirect, Supplier<String> action) {
        Locale locale = LocaleContextHolder.getLocale();
        try {
            redirect.addFlashAttribute("info", action.get());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errorText", e.errors().stream()
                    .map(f -> f.field() + ": " + messages.getMessage(f.messageKey(), null, f.messageKey(), locale))
                    .collect(Collectors.joining("; ")));
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorText",
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
            if (e instanceof MoneyShortfall short_) {
                flashShortfall(redirect, short_);
            }
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("error", "page.notFound");
        }
        return "redirect:" + target;
    }

    /**
     * Offers a top-up of the missing amount beside a refusal for too little money (the layout's flash shows the
     * link {@code /money/top-up?amount=&currency=}); only a deposit or payment of the user's own organization is
     * refused so, and the link names no organization.
     */
    public static void flashShortfall(RedirectAttributes redirect, MoneyShortfall shortfall) {
        redirect.addFlashAttribute("topUpAmount", shortfall.shortfall());
        redirect.addFlashAttribute("topUpCurrency", shortfall.currency());
    }
}
