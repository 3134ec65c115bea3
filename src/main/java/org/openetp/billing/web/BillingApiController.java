package org.openetp.billing.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.Billing;
import org.openetp.billing.InvoiceLists;
import org.openetp.billing.InvoiceView;
import org.openetp.billing.NewSubscription;
import org.openetp.billing.PaymentResult;
import org.openetp.billing.PaymentSource;
import org.openetp.billing.RecordPayment;
import org.openetp.billing.Subscribe;
import org.openetp.billing.SubscriptionView;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.table.TableResponder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Buying a plan, its invoice (JSON and PDF), and the operator's recording of payments. */
@RestController
class BillingApiController {

    private final Billing billing;
    private final Organizations organizations;

    private final InvoiceLists invoices;
    private final TableResponder tables;

    BillingApiController(Billing billing, Organizations organizations, InvoiceLists invoices,
            TableResponder tables) {
        this.billing = billing;
        this.organizations = organizations;
        this.invoices = invoices;
        this.tables = tables;
    }

    @PostMapping("/api/v1/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    NewSubscription subscribe(@AuthenticationPrincipal CurrentUser user, @RequestBody Subscribe body) {
        return billing.subscribe(user, body);
    }

    /** The organization's subscriptions; the organization may be left out by a member of only one. */
    @GetMapping("/api/v1/subscriptions")
    List<SubscriptionView> subscriptions(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId, Locale locale) {
        OrganizationId organization;
        if (organizationId != null) {
            organization = new OrganizationId(organizationId);
        } else {
            List<Membership> memberships = organizations.membershipsOf(user.id());
            if (memberships.size() != 1) {
                throw new InvalidInputException("organizationId", "billing.organization.choose");
            }
            organization = memberships.getFirst().organization();
        }
        return billing.subscriptions(user, organization, locale);
    }

    @PostMapping("/api/v1/subscriptions/{id}/cancel")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        billing.cancelSubscription(user, id);
    }

    @GetMapping("/api/v1/invoices/{id}")
    InvoiceView invoice(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Locale locale) {
        return billing.invoice(user, id, locale);
    }

    @GetMapping(value = "/api/v1/invoices/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> invoicePdf(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            Locale locale) {
        return pdf(billing.invoicePdf(user, id, locale), id);
    }

    /** Invoices by status for the operator: {@code ISSUED} (waiting for payment, the default) or {@code PAID}. */
    @GetMapping("/api/v1/operator/invoices")
    @Nullable List<InvoiceView> invoices(@AuthenticationPrincipal CurrentUser operator,
            @RequestParam(defaultValue = "ISSUED") String status, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        // A file is the operator page's table: every invoice (the URL rules admit only the operator here).
        return tables.list(InvoiceTables.INVOICES, request, response, () -> billing.invoices(operator, status, locale),
                (query, sink) -> invoices.all(operator, query, sink));
    }

    @PostMapping("/api/v1/operator/invoices/{invoiceId}/payment")
    PaymentResult recordPayment(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID invoiceId,
            @RequestBody RecordPayment body) {
        return billing.recordPayment(invoiceId, body, new PaymentSource.Operator(operator));
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("invoice-" + id + ".pdf").build().toString())
                .body(pdf);
    }
}
