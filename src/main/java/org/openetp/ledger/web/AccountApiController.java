package org.openetp.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.ledger.AccountView;
import org.openetp.ledger.Ledger;
import org.openetp.ledger.StatementLine;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.table.TableResponder;
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
    private final TableResponder tables;

    AccountApiController(Ledger ledger, AccountOwners owners, TableResponder tables) {
        this.ledger = ledger;
        this.owners = owners;
        this.tables = tables;
    }

    @GetMapping
    AccountView account(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String currency) {
        return ledger.account(owners.of(user, organizationId), currency(currency));
    }

    /** The statement as JSON, or (?format= or Accept) as CSV / XLSX with the money page's columns. */
    @GetMapping("/statement")
    @Nullable List<StatementLine> statement(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, HttpServletRequest request,
            HttpServletResponse response) {
        OrganizationId organization = owners.of(user, organizationId);
        StatementPeriod period = StatementPeriod.parse(from, to);
        String checked = currency(currency);
        return tables.list(LedgerTables.statement(checked), request, response,
                () -> ledger.statement(organization, checked, period.from(), period.to()),
                (query, sink) -> ledger.statement(organization, checked, period.from(), period.to(), query, sink));
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
