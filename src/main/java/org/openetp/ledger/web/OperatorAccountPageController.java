package org.openetp.ledger.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.ledger.AccountView;
import org.openetp.ledger.Ledger;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationView;
import org.openetp.organization.Organizations;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's account pages ({@code /operator/**} is operator-only): open an organization's accounts by id, see
 * its balances and statement, and record a bank transfer received for it as a top-up.
 */
@Controller
class OperatorAccountPageController {

    private final Ledger ledger;
    private final Organizations organizations;

    OperatorAccountPageController(Ledger ledger, Organizations organizations) {
        this.ledger = ledger;
        this.organizations = organizations;
    }

    @GetMapping("/operator/accounts")
    String lookup(@RequestParam(required = false) @Nullable String organizationId, RedirectAttributes redirect) {
        if (organizationId == null || organizationId.isBlank()) {
            return "ledger/operator-lookup";
        }
        try {
            return "redirect:/operator/accounts/" + UUID.fromString(organizationId.strip());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "ledger.operator.unknownOrganization");
            return "redirect:/operator/accounts";
        }
    }

    @GetMapping("/operator/accounts/{organizationId}")
    String account(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID organizationId,
            @RequestParam(required = false) @Nullable String currency, Model model) {
        OrganizationView organization = organizations.view(operator, new OrganizationId(organizationId));
        List<AccountView> accounts = ledger.accounts(organization.id());
        String chosen = currency != null && !currency.isBlank() ? currency.strip()
                : accounts.isEmpty() ? AccountOwners.DEFAULT_CURRENCY : accounts.getFirst().currency();
        model.addAttribute("organization", organization);
        model.addAttribute("accounts", accounts);
        model.addAttribute("currency", chosen);
        try {
            model.addAttribute("lines", ledger.statement(organization.id(), chosen, null, null));
        } catch (InvalidInputException e) {
            model.addAttribute("lines", List.of());
        }
        // A fresh key per rendered form: submitting the same form twice (a double click, a resent POST) is a replay
        // of one top-up, not two.
        model.addAttribute("idempotencyKey", "operator-top-up:" + UUID.randomUUID());
        return "ledger/operator-account";
    }

    @PostMapping("/operator/accounts/{organizationId}/top-ups")
    String topUp(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID organizationId,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String memo,
            @RequestParam(required = false) @Nullable String idempotencyKey, RedirectAttributes redirect) {
        OrganizationId organization = organizations.view(operator, new OrganizationId(organizationId)).id();
        try {
            ledger.topUp(organization, decimal(amount), currency == null ? null : currency.strip(),
                    idempotencyKey, memo);
            redirect.addFlashAttribute("info", "ledger.topUp.done");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().messageKey());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        if (currency != null && !currency.isBlank()) {
            redirect.addAttribute("currency", currency.strip());
        }
        return "redirect:/operator/accounts/" + organizationId;
    }

    /** The typed amount, or null for the ledger to report as required or invalid. */
    private static @Nullable BigDecimal decimal(@Nullable String amount) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(amount.strip().replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("amount", "ledger.amount.unreadable");
        }
    }
}
