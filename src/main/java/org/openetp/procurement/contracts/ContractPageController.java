package org.openetp.procurement.contracts;

import static org.openetp.shared.web.FormValues.decimal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.ContractId;
import org.openetp.shared.FieldError;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.table.TableResponder;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Contract pages: the list of the user's contracts, one contract with what each side may do, a reliability card. */
@Controller
class ContractPageController {

    private final Contracts contracts;
    private final MessageSource messages;
    private final ContractLists lists;
    private final TableResponder tables;

    ContractPageController(Contracts contracts, MessageSource messages, ContractLists lists, TableResponder tables) {
        this.contracts = contracts;
        this.messages = messages;
        this.lists = lists;
        this.tables = tables;
    }

    @GetMapping("/contracts")
    @Nullable String list(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return tables.page(ContractTables.LIST, "procurement/contracts", request, response, model,
                query -> lists.page(user, query), (query, sink) -> lists.all(user, query, sink));
    }

    @GetMapping("/contracts/{id}")
    String page(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("c", contracts.view(user, new ContractId(id)));
        return "procurement/contract";
    }

    /** From an awarded lot on the procedure page to its contract, for those who may see it. */
    @GetMapping("/procedures/{procedureId}/lots/{lotId}/contract")
    String ofLot(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID procedureId, @PathVariable UUID lotId) {
        ContractId id = contracts.ofProcedure(user, new org.openetp.procurement.ProcedureId(procedureId))
                .get(new org.openetp.procurement.LotId(lotId));
        if (id == null) {
            throw new org.openetp.shared.NotFoundException("Contract");
        }
        return "redirect:/contracts/" + id;
    }

    @PostMapping("/contracts/{id}/milestones")
    String addMilestone(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false, defaultValue = "QUANTITY") String amountKind,
            @RequestParam(required = false) @Nullable String dueDate, RedirectAttributes redirect) {
        BigDecimal value = decimal(amount);
        boolean share = "SHARE".equals(amountKind);
        return act(id, redirect, "contract.milestone.added", () -> contracts.addMilestone(user, new ContractId(id),
                new NewMilestone(description, share ? null : value, share ? value : null, date(dueDate))));
    }

    @PostMapping("/contracts/{id}/milestones/{milestoneId}/remove")
    String removeMilestone(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID milestoneId, RedirectAttributes redirect) {
        return act(id, redirect, "contract.milestone.removed",
                () -> contracts.removeMilestone(user, new ContractId(id), milestoneId));
    }

    @PostMapping("/contracts/{id}/milestones/{milestoneId}/delivery")
    String deliver(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID milestoneId,
            RedirectAttributes redirect) {
        return act(id, redirect, "contract.milestone.delivered",
                () -> contracts.deliver(user, new ContractId(id), milestoneId));
    }

    @PostMapping("/contracts/{id}/acceptance")
    String accept(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String signature, RedirectAttributes redirect) {
        return act(id, redirect, "contract.accepted", () -> contracts.accept(user, new ContractId(id),
                signature == null || signature.isBlank() ? null : signature));
    }

    /** The acceptance text for the browser's signing script, which has the page's session, not an API token. */
    @GetMapping(value = "/contracts/{id}/text", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String text(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return contracts.acceptanceText(user, new ContractId(id));
    }

    /** The reliability card an organization's profile loads (htmx): for the same readers as the API. */
    @GetMapping("/organizations/{id}/reliability")
    String reliability(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("r", contracts.reliability(user, id));
        return "procurement/reliability :: card";
    }

    private String act(UUID id, RedirectAttributes redirect, String doneKey, Runnable action) {
        Locale locale = LocaleContextHolder.getLocale();
        try {
            action.run();
            redirect.addFlashAttribute("info", doneKey);
        } catch (InvalidInputException e) {
            List<String> parts = new ArrayList<>();
            for (FieldError f : e.errors()) {
                parts.add(messages.getMessage("contract.field." + f.field(), null, f.field(), locale) + ": "
                        + messages.getMessage(f.messageKey(), null, f.messageKey(), locale));
            }
            redirect.addFlashAttribute("errorText", String.join("; ", parts));
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("errorText", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    locale));
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/contracts/" + id;
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

}
