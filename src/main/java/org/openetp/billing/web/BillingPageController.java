package org.openetp.billing.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.Billing;
import org.openetp.billing.InvoiceLists;
import org.openetp.billing.NewSubscription;
import org.openetp.billing.Subscribe;
import org.openetp.billing.SubscriptionView;
import org.openetp.billing.domain.InvoiceDocument;
import org.openetp.identity.CurrentUser;
import org.openetp.ledger.Ledger;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationStatus;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.table.TableResponder;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages suppliers use: the public tariff list with a "Buy" button for administrators of accredited
 * organizations, their organizations' subscriptions, and an invoice with its PDF.
 */
@Controller
class BillingPageController {

    /** One organization of the user with its subscriptions, for the subscriptions page. */
    record OrganizationSubscriptions(Membership membership, boolean admin, List<SubscriptionView> subscriptions) {
    }

    private final Billing billing;
    private final Organizations organizations;
    private final MessageSource messages;
    private final InvoiceLists invoices;
    private final TableResponder tables;
    private final Ledger ledger;

    BillingPageController(Billing billing, Organizations organizations, MessageSource messages,
            InvoiceLists invoices, TableResponder tables, Ledger ledger) {
        this.ledger = ledger;
        this.billing = billing;
        this.organizations = organizations;
        this.messages = messages;
        this.invoices = invoices;
        this.tables = tables;
    }

    @GetMapping("/tariffs")
    String tariffs(@AuthenticationPrincipal @Nullable CurrentUser user, Model model) {
        model.addAttribute("plans", billing.plans());
        model.addAttribute("freeRules", billing.freeRules());
        model.addAttribute("buyers", user == null ? List.of() : organizations.membershipsOf(user.id()).stream()
                .filter(m -> m.has(Role.ADMIN) && m.status() == OrganizationStatus.ACCREDITED).toList());
        return "billing/tariffs";
    }

    @PostMapping("/subscriptions")
    String subscribe(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable String planCode,
            @RequestParam(required = false) @Nullable UUID organizationId, RedirectAttributes redirect) {
        try {
            NewSubscription created = billing.subscribe(user, new Subscribe(planCode, organizationId));
            redirect.addFlashAttribute("info", "billing.subscribed");
            return "redirect:/invoices/" + created.invoiceId();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().messageKey());
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/tariffs";
    }

    /** The user's organizations with their subscriptions, and their invoices as the shared table. */
    @GetMapping("/subscriptions")
    @Nullable String subscriptions(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        List<OrganizationSubscriptions> organizationsWithSubscriptions = new ArrayList<>();
        for (Membership m : organizations.membershipsOf(user.id())) {
            organizationsWithSubscriptions.add(new OrganizationSubscriptions(m, m.has(Role.ADMIN),
                    billing.subscriptions(user, m.organization(), locale)));
        }
        model.addAttribute("organizations", organizationsWithSubscriptions);
        return tables.page(InvoiceTables.INVOICES, "billing/subscriptions", request, response, model,
                query -> invoices.page(user, query), (query, sink) -> invoices.all(user, query, sink));
    }

    @PostMapping("/subscriptions/{id}/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            billing.cancelSubscription(user, id);
            redirect.addFlashAttribute("info", "billing.subscription.cancelled");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/subscriptions";
    }

    @GetMapping("/invoices/{id}")
    String invoice(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model, Locale locale) {
        var invoice = billing.invoice(user, id, locale);
        model.addAttribute("invoice", invoice);
        model.addAttribute("payable", Payable.of(invoice, organizations.membershipsOf(user.id()), ledger));
        model.addAttribute("document", new InvoiceDocument(messages, locale).fragment(invoice));
        model.addAttribute("documentStyle", InvoiceDocument.STYLE);
        return "billing/invoice";
    }

    @GetMapping("/invoices/{id}.pdf")
    ResponseEntity<byte[]> invoicePdf(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            Locale locale) {
        return BillingApiController.pdf(billing.invoicePdf(user, id, locale), id);
    }
}
