package org.openetp.loyalty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.web.PageActions;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The client company's loyalty pages: balances with each seller; a program's rewards, redemptions and history. */
@Controller
class ClientLoyaltyPageController {

    private final ClientLoyalty clients;
    private final Statements statements;
    private final StatementResponses files;
    private final LoyaltyAccess access;
    private final PageActions actions;
    private final CashbackRedemptions cashback;

    ClientLoyaltyPageController(ClientLoyalty clients, Statements statements, StatementResponses files,
            LoyaltyAccess access, PageActions actions, CashbackRedemptions cashback) {
        this.cashback = cashback;
        this.clients = clients;
        this.statements = statements;
        this.files = files;
        this.access = access;
        this.actions = actions;
    }

    @GetMapping("/loyalty")
    String balances(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId, Model model) {
        List<Membership> memberships = access.memberships(user);
        model.addAttribute("memberships", memberships);
        if (!memberships.isEmpty()) {
            UUID org = organizationId != null ? access.organization(user, organizationId)
                    : memberships.getFirst().organization().value();
            model.addAttribute("organizationId", org);
            model.addAttribute("organizationName", access.name(org));
            model.addAttribute("balances", clients.balances(user, org));
        }
        return "loyalty/balances";
    }

    @GetMapping("/loyalty/memberships/{program}")
    String membership(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID program,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, Model model) {
        ProgramId id = new ProgramId(program);
        ProgramStore.Member member = clients.membership(user, id, organizationId);
        model.addAttribute("balance", clients.balance(member));
        model.addAttribute("organizationId", member.client());
        model.addAttribute("rewards", clients.rewards(user, id, member.client()));
        model.addAttribute("redemptions", clients.redemptions(user, id, member.client()));
        try {
            model.addAttribute("statement", statements.forClient(user, id, member.client(), from, to));
        } catch (InvalidInputException e) {
            model.addAttribute("statement", statements.forClient(user, id, member.client(), null, null));
            model.addAttribute("periodError", e.errors().getFirst().messageKey());
        }
        model.addAttribute("redeemKey", UUID.randomUUID());
        return "loyalty/membership";
    }

    @PostMapping("/loyalty/memberships/{program}/redemptions")
    String redeem(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID program,
            @RequestParam UUID organizationId, @RequestParam UUID rewardId, @RequestParam String key,
            RedirectAttributes redirect) {
        return actions.run("/loyalty/memberships/" + program + "?organizationId=" + organizationId, redirect,
                "loyalty.redeemed", () -> clients.redeem(user, new ProgramId(program), organizationId, rewardId, key));
    }

    @PostMapping("/loyalty/memberships/{program}/cashback-redemptions")
    String redeemCashback(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID program,
            @RequestParam UUID organizationId, @RequestParam(required = false) @Nullable String amount,
            @RequestParam String key, RedirectAttributes redirect) {
        return actions.run("/loyalty/memberships/" + program + "?organizationId=" + organizationId, redirect,
                "loyalty.cashback.redeemed", () -> {
                    List<FieldError> errors = new ArrayList<>();
                    BigDecimal parsed = FormNumbers.parse(amount, "amount", errors);
                    if (!errors.isEmpty()) {
                        throw new InvalidInputException(errors);
                    }
                    cashback.redeem(user, new ProgramId(program), organizationId, parsed, key);
                });
    }

    @GetMapping("/loyalty/memberships/{program}/statement")
    ResponseEntity<?> statement(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID program,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam String format, Locale locale) {
        Statement s = statements.forClient(user, new ProgramId(program), organizationId, from, to);
        return files.respond(s, format.equals("json") ? "pdf" : format, null, locale);
    }
}
