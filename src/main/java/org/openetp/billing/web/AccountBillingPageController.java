package org.openetp.billing.web;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.AccountBilling;
import org.openetp.billing.InvoiceView;
import org.openetp.billing.TopUp;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationStatus;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.shared.Currencies;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.web.FormValues;
import org.openetp.shared.web.PageActions;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member funds the organization's account: the top-up form (the amount may come prefilled from a shortfall's
 * link), which issues an invoice with the payment instructions; and "Pay from balance" on a tariff invoice.
 */
@Controller
class AccountBillingPageController {

    /** The form as typed, shown again after a refusal. */
    record TopUpForm(@Nullable UUID organizationId, @Nullable String amount, String currency) {
    }

    private final AccountBilling accountBilling;
    private final Organizations organizations;
    private final PageActions actions;
    private final MessageSource messages;

    AccountBillingPageController(AccountBilling accountBilling, Organizations organizations, PageActions actions,
            MessageSource messages) {
        this.accountBilling = accountBilling;
        this.organizations = organizations;
        this.actions = actions;
        this.messages = messages;
    }

    @GetMapping("/money/top-up")
    String topUpForm(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String currency, Model model) {
        List<Membership> payers = payers(user);
        model.addAttribute("payers", payers);
        String chosenCurrency = currency != null && Currencies.acceptable(currency.strip()) ? currency.strip()
                : AccountBilling.DEFAULT_CURRENCY;
        // A prefilled amount is a plain decimal from a link; anything else is left for the member to type.
        String prefilled = amount != null && amount.strip().matches("\\d{1,13}(\\.\\d{1,2})?") ? amount.strip() : null;
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TopUpForm(organizationId, prefilled, chosenCurrency));
        }
        Set<String> currencies = new LinkedHashSet<>(List.of(AccountBilling.DEFAULT_CURRENCY, "THB", "USD", "EUR"));
        currencies.add(chosenCurrency);
        model.addAttribute("currencies", currencies);
        return "billing/top-up";
    }

    @PostMapping("/money/top-up")
    String topUp(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String currency, Locale locale, RedirectAttributes redirect) {
        try {
            BigDecimal value = FormValues.amount("amount", amount);
            InvoiceView invoice = accountBilling.requestTopUp(user, new TopUp(organizationId, value, currency),
                    locale);
            redirect.addFlashAttribute("info", "money.topUp.issued");
            return "redirect:/invoices/" + invoice.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errorText", String.join("; ", e.errors().stream()
                    .map(f -> messages.getMessage("money.field." + f.field(), null, f.field(), locale) + ": "
                            + messages.getMessage(f.messageKey(), null, f.messageKey(), locale)).toList()));
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        redirect.addFlashAttribute("form", new TopUpForm(organizationId, amount,
                currency == null || currency.isBlank() ? AccountBilling.DEFAULT_CURRENCY : currency));
        return "redirect:/money/top-up";
    }

    /** Pays a tariff invoice from the balance; back to the money page when asked from there, else the invoice. */
    @PostMapping("/invoices/{id}/pay-from-balance")
    String payFromBalance(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID moneyOf, RedirectAttributes redirect) {
        String target = moneyOf != null ? "/money?organizationId=" + moneyOf : "/invoices/" + id;
        return actions.run(target, redirect, "money.paidFromBalance", () -> {
            accountBilling.payFromBalance(user, id);
        });
    }

    /** The user's accredited organizations it may fund: those it administers or supplies for. */
    private List<Membership> payers(CurrentUser user) {
        return organizations.membershipsOf(user.id()).stream()
                .filter(m -> m.status() == OrganizationStatus.ACCREDITED && (m.has(Role.ADMIN)
                        || m.has(Role.SUPPLIER))).toList();
    }
}
