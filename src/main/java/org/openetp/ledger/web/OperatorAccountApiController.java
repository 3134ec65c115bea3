package org.openetp.ledger.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.ledger.AccountView;
import org.openetp.ledger.Ledger;
import org.openetp.ledger.PostingView;
import org.openetp.ledger.StatementLine;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of any organization's accounts, and top-ups: money received for the organization by bank
 * transfer. A top-up needs an {@code Idempotency-Key} header; repeating the request with the same key and body
 * answers the original posting and moves no money again (SPEC §12). {@code /api/v1/operator/**} is operator-only.
 */
@RestController
@RequestMapping("/api/v1/operator/accounts/{organizationId}")
class OperatorAccountApiController {

    /** Money received for the organization. */
    record TopUp(@Nullable BigDecimal amount, @Nullable String currency, @Nullable String memo) {
    }

    private final Ledger ledger;
    private final Organizations organizations;

    OperatorAccountApiController(Ledger ledger, Organizations organizations) {
        this.ledger = ledger;
        this.organizations = organizations;
    }

    @PostMapping("/top-ups")
    @ResponseStatus(HttpStatus.CREATED)
    PostingView topUp(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID organizationId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestBody TopUp body) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new InvalidInputException("Idempotency-Key", "ledger.idempotencyKey.required");
        }
        OrganizationId organization = existing(operator, organizationId);
        // A replay answers 201 with the original posting, exactly as the first request was answered.
        return ledger.topUp(organization, body.amount(), body.currency(), idempotencyKey, body.memo());
    }

    @GetMapping
    List<AccountView> accounts(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID organizationId) {
        return ledger.accounts(existing(operator, organizationId));
    }

    @GetMapping("/statement")
    List<StatementLine> statement(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID organizationId,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        OrganizationId organization = existing(operator, organizationId);
        StatementPeriod period = StatementPeriod.parse(from, to);
        return ledger.statement(organization, AccountApiController.currency(currency), period.from(), period.to());
    }

    @GetMapping("/statement.csv")
    ResponseEntity<String> statementCsv(@AuthenticationPrincipal CurrentUser operator,
            @PathVariable UUID organizationId, @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        OrganizationId organization = existing(operator, organizationId);
        StatementPeriod period = StatementPeriod.parse(from, to);
        String checked = AccountApiController.currency(currency);
        return StatementCsv.response(organizationId, checked,
                ledger.statement(organization, checked, period.from(), period.to()));
    }

    /** The organization, which must exist: money is never posted to an account nobody owns. */
    private OrganizationId existing(CurrentUser operator, UUID organizationId) {
        OrganizationId organization = new OrganizationId(organizationId);
        organizations.view(operator, organization);
        return organization;
    }
}
