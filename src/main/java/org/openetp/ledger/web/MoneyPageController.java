package org.openetp.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.ledger.AccountView;
import org.openetp.ledger.Ledger;
import org.openetp.ledger.MoneyPageSection;
import org.openetp.ledger.StatementLine;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.table.TablePage;
import org.openetp.shared.table.TableResponder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The member's money page: the organization's accounts per currency and the statement of one currency, with its CSV
 * download in the same session. Only the caller's own organizations can be shown (another's is a 404).
 */
@Controller
class MoneyPageController {

    /** The page's filter as the user set it, echoed back into the form and the CSV link. */
    record Filter(UUID organizationId, String currency, @Nullable String from, @Nullable String to) {
    }

    /** A contributed section with what it shows for the organization on the page. */
    record Section(String template, Object content) {
    }

    private final Ledger ledger;
    private final AccountOwners owners;
    private final TableResponder tables;
    private final List<MoneyPageSection> sections;

    MoneyPageController(Ledger ledger, AccountOwners owners, TableResponder tables, List<MoneyPageSection> sections) {
        this.ledger = ledger;
        this.owners = owners;
        this.tables = tables;
        this.sections = sections;
    }

    @GetMapping("/money")
    @Nullable String page(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        List<Membership> memberships = owners.memberships(user);
        model.addAttribute("memberships", memberships);
        if (memberships.isEmpty()) {
            return "ledger/money";
        }
        OrganizationId organization = organizationId != null ? owners.of(user, organizationId)
                : memberships.getFirst().organization();
        model.addAttribute("organization", memberships.stream()
                .filter(m -> m.organization().equals(organization)).findFirst().orElseThrow());
        List<AccountView> accounts = ledger.accounts(organization);
        model.addAttribute("accounts", accounts);
        List<Section> shown = new ArrayList<>();
        for (MoneyPageSection section : sections) {
            Object content = section.content(user, organization, RequestContextUtils.getLocale(request));
            if (content != null) {
                shown.add(new Section(section.template(), content));
            }
        }
        model.addAttribute("sections", shown);
        String chosen = currency != null && !currency.isBlank() ? currency.strip()
                : accounts.isEmpty() ? AccountOwners.DEFAULT_CURRENCY : accounts.getFirst().currency();
        List<String> problems = new ArrayList<>();
        Set<String> currencies = new LinkedHashSet<>();
        accounts.forEach(a -> currencies.add(a.currency()));
        model.addAttribute("currencies", currencies);
        model.addAttribute("filter", new Filter(organization.value(), chosen, blankToNull(from), blankToNull(to)));
        model.addAttribute("problems", problems);
        try {
            StatementPeriod period = StatementPeriod.parse(from, to);
            String view = tables.page(LedgerTables.statement(chosen), "ledger/money", request, response, model,
                    query -> ledger.statement(organization, chosen, period.from(), period.to(), query),
                    (query, sink) -> ledger.statement(organization, chosen, period.from(), period.to(), query, sink));
            currencies.add(chosen);
            if (model.getAttribute("table") instanceof TablePage<?> table) {
                table.carry("organizationId", organization.value()).carry("currency", chosen);
            }
            return view;
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> problems.add(error.messageKey()));
            return "ledger/money";
        }
    }

    @GetMapping("/money/statement.csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        OrganizationId organization = owners.of(user, organizationId);
        String checked = AccountApiController.currency(currency);
        try {
            StatementPeriod period = StatementPeriod.parse(from, to);
            return StatementCsv.response(organization.value(), checked,
                    ledger.statement(organization, checked, period.from(), period.to()));
        } catch (InvalidInputException e) {
            // A hand-edited link: say what is wrong in plain text rather than an empty file.
            return ResponseEntity.badRequest().body(e.getMessage());
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
