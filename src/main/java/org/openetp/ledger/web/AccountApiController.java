package org.openetp.ledger.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.ledger.AccountView;
import org.openetp.ledger.Ledger;
import org.openetp.ledger.StatementLine;
import org.openetp.organization.OrganizationId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's organization's money account (API.md {@code GET /api/v1/accounts/me}) and its statement, as JSON and
 * CSV. {@code organizationId} is needed only by a member of several organizations; the currency defaults to RUB.
 */
@RestController
@RequestMapping("/api/v1/accounts/me")
class AccountApiController {

    private final Ledger ledger;
    private final AccountOwners owners;

    AccountApiController(Ledger ledger, AccountOwners owners) {
        this.ledger = ledger;
        this.owners = owners;
    }

    @GetMapping
    AccountView account(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String currency) {
        return ledger.account(owners.of(user, organizationId), currency(currency));
    }

    @GetMapping("/statement")
    List<StatementLine> statement(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        OrganizationId organization = owners.of(user, organizationId);
        StatementPeriod period = StatementPeriod.parse(from, to);
        return ledger.statement(organization, currency(currency), period.from(), period.to());
    }

    @GetMapping("/statement.csv")
    ResponseEntity<String> statementCsv(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        OrganizationId organization = owners.of(user, organizationId);
        StatementPeriod period = StatementPeriod.parse(from, to);
        String checked = currency(currency);
        return StatementCsv.response(organization.value(), checked,
                ledger.statement(organization, checked, period.from(), period.to()));
    }

    static String currency(@Nullable String currency) {
        return currency == null || currency.isBlank() ? AccountOwners.DEFAULT_CURRENCY : currency.strip();
    }
}
