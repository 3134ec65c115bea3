package org.openetp.billing.web;

import java.util.Locale;
import java.util.UUID;
import org.openetp.billing.AccountBilling;
import org.openetp.billing.InvoiceView;
import org.openetp.billing.PaymentResult;
import org.openetp.billing.TopUp;
import org.openetp.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An organization funds its account: a top-up invoice, and paying a tariff invoice from the available balance. */
@RestController
class AccountBillingApiController {

    private final AccountBilling accountBilling;

    AccountBillingApiController(AccountBilling accountBilling) {
        this.accountBilling = accountBilling;
    }

    /** A top-up invoice with the payment instructions; the operator records its payment as for any invoice. */
    @PostMapping("/api/v1/top-ups")
    @ResponseStatus(HttpStatus.CREATED)
    InvoiceView topUp(@AuthenticationPrincipal CurrentUser user, @RequestBody TopUp body, Locale locale) {
        return accountBilling.requestTopUp(user, body, locale);
    }

    /** Pays the tariff invoice from the available balance: 409 with the shortfall when short; repeatable. */
    @PostMapping("/api/v1/invoices/{id}/pay-from-balance")
    PaymentResult payFromBalance(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return accountBilling.payFromBalance(user, id);
    }
}
