package org.openetp.loyalty;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Loyalty through the API (API.md, Loyalty): the seller's programs, catalogue, members, fulfilment and report; the
 * client's balances, redemptions and statements. {@code organizationId} is needed only by a member of several
 * organizations. Another organization's program, member or redemption is answered 404.
 */
@RestController
@RequestMapping("/api/v1/loyalty")
class LoyaltyApiController {

    /** A redemption request. */
    record Redeem(@Nullable UUID rewardId) {
    }

    /** Cashback to turn into a credit note, in the program's currency. */
    record RedeemCashback(@Nullable BigDecimal amount) {
    }

    /** A fulfilment, with the settlement reference of a money credit (e.g. the invoice it was deducted on). */
    record Fulfil(@Nullable String settlement) {
    }

    /** A manual correction of a member's available points, with its reason. */
    record Adjust(@Nullable BigDecimal points, @Nullable String reason) {
    }

    private final Programs programs;
    private final ClientLoyalty clients;
    private final Statements statements;
    private final StatementResponses files;
    private final Earnings earnings;
    private final Adjustments adjustments;
    private final CashbackRedemptions cashback;
    private final MessageSource messages;

    LoyaltyApiController(Programs programs, ClientLoyalty clients, Statements statements, StatementResponses files,
            Earnings earnings, Adjustments adjustments, CashbackRedemptions cashback, MessageSource messages) {
        this.cashback = cashback;
        this.programs = programs;
        this.clients = clients;
        this.statements = statements;
        this.files = files;
        this.earnings = earnings;
        this.adjustments = adjustments;
        this.messages = messages;
    }

    @Operation(summary = "Define a loyalty program (the selling organization's admin)")
    @PostMapping("/programs")
    @ResponseStatus(HttpStatus.CREATED)
    ProgramView define(@AuthenticationPrincipal CurrentUser user, @RequestBody DefineProgram body,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return programs.define(user, organizationId, body);
    }

    @Operation(summary = "The caller's organization's programs (as seller)")
    @GetMapping("/programs")
    List<ProgramView> mine(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return programs.mine(user, organizationId);
    }

    @GetMapping("/programs/{id}")
    ProgramView program(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return programs.program(user, new ProgramId(id));
    }

    @Operation(summary = "Change a program for the future: a new version of its rules applies from now on")
    @PutMapping("/programs/{id}")
    ProgramView change(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody DefineProgram body) {
        return programs.change(user, new ProgramId(id), body);
    }

    @Operation(summary = "The program's members with balances and tiers (the seller): JSON, or format=csv|xlsx")
    @GetMapping("/programs/{id}/members")
    ResponseEntity<?> members(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String format, HttpServletRequest request) {
        return files.members(programs.members(user, new ProgramId(id)), format, request.getHeader("Accept"),
                locale(request));
    }

    @Operation(summary = "Correct a member's available points with a reason (Idempotency-Key required)")
    @PostMapping("/programs/{id}/members/{member}/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> adjust(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID member, @RequestBody Adjust body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        UUID posting = adjustments.adjust(user, new ProgramId(id), new MemberId(member), body.points(),
                body.reason(), required(key));
        return Map.of("postingId", posting);
    }

    @Operation(summary = "A member's statement (the seller): JSON, or format=csv|xlsx|pdf")
    @GetMapping("/programs/{id}/members/{member}/statement")
    ResponseEntity<?> memberStatement(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID member, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String format, HttpServletRequest request) {
        Statement s = statements.forSeller(user, new ProgramId(id), new MemberId(member), from, to);
        return files.respond(s, format, request.getHeader("Accept"), locale(request));
    }

    @Operation(summary = "E-mail a member outside the platform its statement (the seller's admin)")
    @PostMapping("/programs/{id}/members/{member}/statement-mail")
    Map<String, String> mailStatement(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID member, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, HttpServletRequest request) {
        return Map.of("to", statements.mail(user, new ProgramId(id), new MemberId(member), from, to,
                locale(request)));
    }

    @Operation(summary = "What a member earned, with the rules version and multiplier of each earning (the seller)")
    @GetMapping("/programs/{id}/members/{member}/earnings")
    List<EarningView> earnings(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID member) {
        return programs.earnings(user, new ProgramId(id), new MemberId(member));
    }

    @Operation(summary = "Reverse an earning whose contract or deal fell through within the lock period")
    @PostMapping("/programs/{id}/earnings/{earning}/reversal")
    Map<String, Integer> reverse(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID earning) {
        return Map.of("reversed", earnings.reverseBySeller(user, programs.owned(user, new ProgramId(id)), earning,
                "reversed by the seller"));
    }

    @Operation(summary = "The program's rewards: all of them to the seller, the active ones to a member")
    @GetMapping("/programs/{id}/rewards")
    List<RewardView> rewards(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        ProgramId program = new ProgramId(id);
        return programs.sellsAs(user, program) ? programs.rewards(user, program)
                : clients.rewards(user, program, organizationId);
    }

    @PostMapping("/programs/{id}/rewards")
    @ResponseStatus(HttpStatus.CREATED)
    RewardView addReward(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody NewReward body) {
        return programs.addReward(user, new ProgramId(id), body);
    }

    @PostMapping("/programs/{id}/rewards/{reward}/active")
    RewardView setActive(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID reward, @RequestBody Map<String, Boolean> body) {
        return programs.setRewardActive(user, new ProgramId(id), reward, Boolean.TRUE.equals(body.get("active")));
    }

    @Operation(summary = "Redeem a reward (the client's admin; Idempotency-Key required)", description = """
            201 with the redemption, or 409 loyalty.insufficient with the shortfall in points.""")
    @PostMapping("/programs/{id}/redemptions")
    @ResponseStatus(HttpStatus.CREATED)
    RedemptionView redeem(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody Redeem body, @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        if (body.rewardId() == null) {
            throw new InvalidInputException("rewardId", "loyalty.reward.required");
        }
        return clients.redeem(user, new ProgramId(id), organizationId, body.rewardId(), required(key));
    }

    @Operation(summary = "Spend cashback: turn part of it into a credit note the seller owes (the client's admin; "
            + "Idempotency-Key required)", description = """
            {"amount": "250.00"} in the program's currency comes off the available cashback at once and becomes a
            redemption (unit CREDIT, no reward) in the seller's fulfilment list; the seller settles it outside the
            platform (e.g. on its next invoice) and marks it settled through .../redemptions/{id}/fulfilment.
            201 with the redemption; the same key again answers the same redemption (another amount: 409
            loyalty.key.reused); 409 loyalty.insufficient with the shortfall in the currency; 400 naming amount.""")
    @PostMapping("/programs/{id}/cashback-redemptions")
    @ResponseStatus(HttpStatus.CREATED)
    RedemptionView redeemCashback(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody RedeemCashback body, @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        return cashback.redeem(user, new ProgramId(id), organizationId, body.amount(), required(key));
    }

    @Operation(summary = "Redemptions: all of the program's to the seller, its own to a member")
    @GetMapping("/programs/{id}/redemptions")
    List<RedemptionView> redemptions(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        ProgramId program = new ProgramId(id);
        return programs.sellsAs(user, program) ? programs.redemptions(user, program)
                : clients.redemptions(user, program, organizationId);
    }

    @Operation(summary = "Mark a redemption fulfilled (a money credit: settled), by the seller's admin")
    @PostMapping("/programs/{id}/redemptions/{redemption}/fulfilment")
    RedemptionView fulfil(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID redemption, @RequestBody(required = false) @Nullable Fulfil body) {
        return programs.fulfil(user, new ProgramId(id), redemption, body == null ? null : body.settlement());
    }

    @Operation(summary = "The seller's program report: members per tier, points issued, redeemed, expired, outstanding")
    @GetMapping("/programs/{id}/report")
    ProgramReport report(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Period period = Period.of(from, to, clients.now());
        return programs.report(user, new ProgramId(id), period.start(), period.end());
    }

    @Operation(summary = "The caller's organization's balances with every seller")
    @GetMapping("/balances")
    List<BalanceView> balances(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return clients.balances(user, organizationId);
    }

    @Operation(summary = "The caller's organization's statement in a program: JSON, or format=csv|xlsx|pdf")
    @GetMapping("/programs/{id}/statement")
    ResponseEntity<?> statement(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String format, HttpServletRequest request) {
        Statement s = statements.forClient(user, new ProgramId(id), organizationId, from, to);
        return files.respond(s, format, request.getHeader("Accept"), locale(request));
    }

    @ExceptionHandler(InsufficientPointsException.class)
    ProblemDetail insufficient(InsufficientPointsException e, HttpServletRequest request) {
        Locale locale = locale(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setTitle(messages.getMessage("problem.rule", null, "problem.rule", locale));
        problem.setDetail(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        problem.setProperty("code", InsufficientPointsException.CODE);
        problem.setProperty("shortfall", e.shortfall());
        return problem;
    }

    private static String required(@Nullable String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("Idempotency-Key", "loyalty.key.required");
        }
        return key;
    }

    private static Locale locale(HttpServletRequest request) {
        return RequestContextUtils.getLocale(request);
    }

    /** A report period from dates (inclusive), by default the last 12 months. */
    record Period(java.time.Instant start, java.time.Instant end) {
        static Period of(@Nullable String from, @Nullable String to, java.time.Instant now) {
            try {
                LocalDate last = to == null || to.isBlank() ? LocalDate.ofInstant(now, ZoneOffset.UTC)
                        : LocalDate.parse(to.strip());
                LocalDate first = from == null || from.isBlank() ? last.minusYears(1).plusDays(1)
                        : LocalDate.parse(from.strip());
                if (first.isAfter(last)) {
                    throw new InvalidInputException("from", "loyalty.period.invalid");
                }
                return new Period(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException("from", "loyalty.date.invalid");
            }
        }
    }
}
