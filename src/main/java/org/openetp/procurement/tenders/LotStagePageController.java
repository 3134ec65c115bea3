package org.openetp.procurement.tenders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A lot's extra stages on the procedure page (loaded by htmx): the re-bidding round and the framework. */
@Controller
class LotStagePageController {

    private final Rebidding rebidding;
    private final Frameworks frameworks;
    private final MessageSource messages;

    LotStagePageController(Rebidding rebidding, Frameworks frameworks, MessageSource messages) {
        this.rebidding = rebidding;
        this.frameworks = frameworks;
        this.messages = messages;
    }

    @GetMapping("/procedures/{id}/lots/{lotId}/stages")
    String stages(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID lotId, @RequestParam(defaultValue = "false") boolean buyer, Model model) {
        model.addAttribute("procedureId", id);
        model.addAttribute("lotId", lotId);
        model.addAttribute("buyer", buyer);
        model.addAttribute("round", null);
        model.addAttribute("framework", null);
        if (user != null) {
            try {
                model.addAttribute("round", rebidding.round(user, new ProcedureId(id), new LotId(lotId)));
            } catch (NotFoundException none) {
                // no round yet, or none the caller may see
            }
            try {
                model.addAttribute("framework", frameworks.framework(user, new ProcedureId(id), new LotId(lotId)));
            } catch (NotFoundException none) {
                // not a framework, or not the caller's
            }
        }
        return "procurement/stages :: stages";
    }

    @PostMapping("/procedures/{id}/lots/{lotId}/rebidding")
    String start(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestParam(required = false) @Nullable String deadline, RedirectAttributes redirect) {
        return act(id, redirect, "rebid.started",
                () -> rebidding.start(user, new ProcedureId(id), new LotId(lotId), instant(deadline)));
    }

    @PostMapping("/procedures/{id}/lots/{lotId}/rebid")
    String rebid(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestParam(required = false) @Nullable String price, RedirectAttributes redirect) {
        return act(id, redirect, "rebid.accepted",
                () -> rebidding.rebid(user, new ProcedureId(id), new LotId(lotId), decimal(price)));
    }

    @PostMapping("/procedures/{id}/lots/{lotId}/call-offs")
    String callOff(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestParam(required = false) @Nullable UUID supplierOrganizationId,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String quantity,
            @RequestParam(required = false) @Nullable String price, RedirectAttributes redirect) {
        return act(id, redirect, "calloff.made", () -> frameworks.callOff(user, new ProcedureId(id),
                new LotId(lotId), new CallOff.Request(supplierOrganizationId, subject, decimal(quantity),
                        decimal(price))));
    }

    private String act(UUID id, RedirectAttributes redirect, String doneKey, Runnable action) {
        Locale locale = LocaleContextHolder.getLocale();
        try {
            action.run();
            redirect.addFlashAttribute("info", doneKey);
        } catch (InvalidInputException e) {
            List<String> parts = new ArrayList<>();
            e.errors().forEach(f -> parts.add(f.field() + ": "
                    + messages.getMessage(f.messageKey(), null, f.messageKey(), locale)));
            redirect.addFlashAttribute("errorText", String.join("; ", parts));
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorText", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    locale));
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/procedures/" + id;
    }

    /** The form's datetime-local field is read as UTC, the zone the page states. */
    private static @Nullable Instant instant(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable BigDecimal decimal(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(-1);
        }
    }
}
