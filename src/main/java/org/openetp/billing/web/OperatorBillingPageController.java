package org.openetp.billing.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.Billing;
import org.openetp.billing.FreeRules;
import org.openetp.billing.FreeRuleForm;
import org.openetp.billing.InvoiceLists;
import org.openetp.billing.PaymentSource;
import org.openetp.billing.ProcedureFamilies;
import org.openetp.billing.RecordPayment;
import org.openetp.billing.TariffPlan;
import org.openetp.billing.TariffPlanForm;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.table.TableResponder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's pages: tariff plans (create, edit, take off sale), free participation rules, and invoices waiting
 * for payment with a form to record one.
 */
@Controller
class OperatorBillingPageController {

    /**
     * The plan form as posted: text fields, so that a wrong number comes back as a field error with what was
     * typed. {@code periodDays} is a number of days.
     */
    record PlanInput(@Nullable String code, @Nullable String nameEn, @Nullable String nameRu,
            @Nullable String nameTh, @Nullable String price, @Nullable String currency, @Nullable String periodDays,
            @Nullable String families, @Nullable String maxLotStartPrice, @Nullable Boolean active) {

        static PlanInput of(TariffPlan plan) {
            return new PlanInput(plan.code(), plan.names().get("en"), plan.names().get("ru"), plan.names().get("th"),
                    plan.price().toPlainString(), plan.currency(), Integer.toString(plan.periodDays()),
                    plan.limits().families().name(), plan.limits().maxLotStartPrice() == null ? ""
                            : plan.limits().maxLotStartPrice().toPlainString(), plan.active());
        }

        static PlanInput empty() {
            return new PlanInput("", "", "", "", "", "RUB", "30", ProcedureFamilies.ALL.name(), "", true);
        }
    }

    private final Billing billing;
    private final InvoiceLists invoices;
    private final TableResponder tables;

    private final FreeRules freeRules;

    OperatorBillingPageController(Billing billing, FreeRules freeRules, InvoiceLists invoices,
            TableResponder tables) {
        this.billing = billing;
        this.freeRules = freeRules;
        this.invoices = invoices;
        this.tables = tables;
    }

    @ModelAttribute("families")
    ProcedureFamilies[] families() {
        return ProcedureFamilies.values();
    }

    @GetMapping("/operator/tariffs")
    String tariffs(@AuthenticationPrincipal CurrentUser operator, Model model) {
        model.addAttribute("plans", billing.allPlans(operator));
        model.addAttribute("freeRules", billing.freeRules());
        return "billing/operator-tariffs";
    }

    @GetMapping("/operator/tariffs/new")
    String newPlan(Model model) {
        return planForm(model, null, PlanInput.empty(), Map.of());
    }

    @PostMapping("/operator/tariffs")
    String create(@AuthenticationPrincipal CurrentUser operator, PlanInput input, Model model,
            RedirectAttributes redirect) {
        try {
            TariffPlan plan = billing.createPlan(operator, form(input, input.code()));
            redirect.addFlashAttribute("info", "billing.plan.saved");
            return "redirect:/operator/tariffs#plan-" + plan.code();
        } catch (InvalidInputException e) {
            return planForm(model, null, input, byField(e));
        }
    }

    @GetMapping("/operator/tariffs/{code}")
    String edit(@PathVariable String code, Model model) {
        return planForm(model, code, PlanInput.of(billing.plan(code)), Map.of());
    }

    @PostMapping("/operator/tariffs/{code}")
    String change(@AuthenticationPrincipal CurrentUser operator, @PathVariable String code, PlanInput input,
            Model model, RedirectAttributes redirect) {
        try {
            billing.changePlan(operator, code, form(input, code));
            redirect.addFlashAttribute("info", "billing.plan.saved");
            return "redirect:/operator/tariffs#plan-" + code;
        } catch (InvalidInputException e) {
            return planForm(model, code, input, byField(e));
        }
    }

    @PostMapping("/operator/tariffs/{code}/active")
    String setActive(@AuthenticationPrincipal CurrentUser operator, @PathVariable String code,
            @RequestParam boolean active, RedirectAttributes redirect) {
        billing.setPlanActive(operator, code, active);
        redirect.addFlashAttribute("info", active ? "billing.plan.activated" : "billing.plan.deactivated");
        return "redirect:/operator/tariffs#plan-" + code;
    }

    @PostMapping("/operator/free-rules")
    String createRule(@AuthenticationPrincipal CurrentUser operator,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String maxPrice,
            @RequestParam(required = false) @Nullable String currency, RedirectAttributes redirect) {
        return saveRule(redirect, "new", () -> freeRules.createFreeRule(operator,
                ruleForm(industry, maxPrice, currency)));
    }

    @PostMapping("/operator/free-rules/{id}")
    String changeRule(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String maxPrice,
            @RequestParam(required = false) @Nullable String currency, RedirectAttributes redirect) {
        return saveRule(redirect, id.toString(), () -> freeRules.changeFreeRule(operator, id,
                ruleForm(industry, maxPrice, currency)));
    }

    @PostMapping("/operator/free-rules/{id}/delete")
    String removeRule(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID id,
            RedirectAttributes redirect) {
        freeRules.removeFreeRule(operator, id);
        redirect.addFlashAttribute("info", "billing.freeRule.removed");
        return "redirect:/operator/tariffs#free-rules";
    }

    /**
     * The invoices awaiting payment, each with its payment form, and every invoice as the shared table. With
     * {@code organization} (the link from the operator's card of an organization) only that organization's invoices
     * await: the operator who found it by name records its transfer without reading through everybody's.
     */
    @GetMapping("/operator/invoices")
    @Nullable String invoices(@AuthenticationPrincipal CurrentUser operator,
            @RequestParam(required = false) @Nullable UUID organization, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("awaiting", billing.invoices(operator, "ISSUED", locale).stream()
                .filter(i -> organization == null || organization.equals(i.organizationId().value())).toList());
        model.addAttribute("awaitingOneOrganization", organization != null);
        return tables.page(InvoiceTables.INVOICES.withEmpty("table.invoice.operatorEmpty"),
                "billing/operator-invoices", request, response, model, query -> invoices.page(operator, query),
                (query, sink) -> invoices.all(operator, query, sink));
    }

    @PostMapping("/operator/invoices/{id}/payment")
    String recordPayment(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String reference, RedirectAttributes redirect) {
        try {
            BigDecimal parsed = decimal(amount);
            if (parsed == null && amount != null && !amount.isBlank()) {
                throw new InvalidInputException("amount", "billing.amount.invalid");
            }
            billing.recordPayment(id, new RecordPayment(parsed, currency, reference),
                    new PaymentSource.Operator(operator));
            redirect.addFlashAttribute("info", "billing.payment.recorded");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("paymentInvoice", id.toString());
            redirect.addFlashAttribute("paymentErrors", byField(e));
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/operator/invoices";
    }

    private String planForm(Model model, @Nullable String code, PlanInput input, Map<String, String> errors) {
        model.addAttribute("code", code);
        model.addAttribute("plan", input);
        model.addAttribute("errors", errors);
        return "billing/tariff-form";
    }

    private String saveRule(RedirectAttributes redirect, String formId, Runnable save) {
        try {
            save.run();
            redirect.addFlashAttribute("info", "billing.freeRule.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("ruleForm", formId);
            redirect.addFlashAttribute("ruleErrors", byField(e));
        }
        return "redirect:/operator/tariffs#free-rules";
    }

    /** The plan form as the API takes it; unreadable numbers pass on as values the rules refuse with a field error. */
    private static TariffPlanForm form(PlanInput input, @Nullable String code) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("en", input.nameEn());
        names.put("ru", input.nameRu());
        names.put("th", input.nameTh());
        String days = input.periodDays() == null ? null : input.periodDays().strip();
        String period = days == null || days.isEmpty() ? null : days.matches("\\d{1,4}") ? "P" + days + "D" : days;
        return new TariffPlanForm(code, names, amountOrInvalid(input.price()), input.currency(), period,
                new TariffPlanForm.Limits(input.families(), amountOrInvalid(input.maxLotStartPrice())),
                Boolean.TRUE.equals(input.active()));
    }

    private static FreeRuleForm ruleForm(@Nullable String industry, @Nullable String maxPrice,
            @Nullable String currency) {
        return new FreeRuleForm(industry, amountOrInvalid(maxPrice), currency);
    }

    /** A typed amount; something that is not a number becomes -1, which the rules refuse as an invalid amount. */
    private static @Nullable BigDecimal amountOrInvalid(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal value = decimal(text);
        return value == null ? BigDecimal.ONE.negate() : value;
    }

    private static @Nullable BigDecimal decimal(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> byField(InvalidInputException e) {
        Map<String, String> map = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
            map.putIfAbsent(error.field(), error.messageKey());
        }
        return map;
    }
}
