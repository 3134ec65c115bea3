package org.openetp.loyalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/** The seller's loyalty pages: its programs, a program's members, catalogue, fulfilment and report. */
@Controller
class SellerLoyaltyPageController {

    private final Programs programs;
    private final Statements statements;
    private final StatementResponses files;
    private final LoyaltyAccess access;
    private final PageActions actions;

    SellerLoyaltyPageController(Programs programs, Statements statements, StatementResponses files,
            LoyaltyAccess access, PageActions actions) {
        this.programs = programs;
        this.statements = statements;
        this.files = files;
        this.access = access;
        this.actions = actions;
    }

    @GetMapping("/loyalty/programs")
    String programs(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId, Model model) {
        List<Membership> memberships = access.memberships(user);
        model.addAttribute("memberships", memberships);
        if (!memberships.isEmpty()) {
            UUID org = organizationId != null ? access.organization(user, organizationId)
                    : memberships.getFirst().organization().value();
            model.addAttribute("organizationId", org);
            model.addAttribute("organizationName", access.name(org));
            model.addAttribute("programs", programs.mine(user, org));
        }
        return "loyalty/programs";
    }

    @PostMapping("/loyalty/programs")
    String define(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        UUID org = uuidOrNull(form.get("organizationId"));
        String[] created = new String[1];
        String back = actions.run("/loyalty/programs" + (org == null ? "" : "?organizationId=" + org), redirect,
                "loyalty.program.created", () -> created[0] = programs.define(user, org, program(form)).id()
                        .toString());
        return created[0] == null ? back : "redirect:/loyalty/programs/" + created[0];
    }

    @GetMapping("/loyalty/programs/{id}")
    String program(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        ProgramId program = new ProgramId(id);
        ProgramView view = programs.program(user, program);
        model.addAttribute("program", view);
        model.addAttribute("members", programs.members(user, program));
        model.addAttribute("rewards", programs.rewards(user, program));
        model.addAttribute("redemptions", programs.redemptions(user, program));
        LoyaltyApiController.Period year = LoyaltyApiController.Period.of(null, null, statements.now());
        model.addAttribute("report", programs.report(user, program, year.start(), year.end()));
        model.addAttribute("rewardKinds", RewardKind.values());
        return "loyalty/program";
    }

    @PostMapping("/loyalty/programs/{id}/rules")
    String change(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return actions.run("/loyalty/programs/" + id, redirect, "loyalty.program.changed",
                () -> programs.change(user, new ProgramId(id), program(form)));
    }

    @PostMapping("/loyalty/programs/{id}/rewards")
    String addReward(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return actions.run("/loyalty/programs/" + id + "#rewards", redirect, "loyalty.reward.added", () -> {
            List<FieldError> errors = new ArrayList<>();
            BigDecimal points = FormNumbers.parse(form.get("points"), "points", errors);
            BigDecimal credit = FormNumbers.parse(form.get("creditAmount"), "creditAmount", errors);
            BigDecimal stock = FormNumbers.parse(form.get("stock"), "stock", errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            programs.addReward(user, new ProgramId(id), new NewReward(form.get("kind"), form.get("name"),
                    form.get("description"), points, credit, stock == null ? null : stock.intValue()));
        });
    }

    @PostMapping("/loyalty/programs/{id}/redemptions/{redemption}/fulfilment")
    String fulfil(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID redemption,
            @RequestParam(required = false) @Nullable String settlement, RedirectAttributes redirect) {
        return actions.run("/loyalty/programs/" + id + "#fulfilment", redirect, "loyalty.redemption.fulfilledNow",
                () -> programs.fulfil(user, new ProgramId(id), redemption, settlement));
    }

    @PostMapping("/loyalty/programs/{id}/members/{member}/statement-mail")
    String mail(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID member,
            RedirectAttributes redirect, Locale locale) {
        return actions.run("/loyalty/programs/" + id + "#members", redirect, "loyalty.statement.mailed",
                () -> statements.mail(user, new ProgramId(id), new MemberId(member), null, null, locale));
    }

    @GetMapping("/loyalty/programs/{id}/members.{format}")
    ResponseEntity<?> membersFile(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable String format, Locale locale) {
        return files.members(programs.members(user, new ProgramId(id)), format.equals("json") ? "csv" : format, null,
                locale);
    }

    @GetMapping("/loyalty/programs/{id}/members/{member}/statement")
    ResponseEntity<?> statement(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID member, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam String format, Locale locale) {
        Statement s = statements.forSeller(user, new ProgramId(id), new MemberId(member), from, to);
        return files.respond(s, format.equals("json") ? "pdf" : format, null, locale);
    }

    /** The program form as entered: up to three tiers, category rates as "code rate" lines. */
    static DefineProgram program(Map<String, String> form) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal points = FormNumbers.parse(form.get("pointsPerUnit"), "pointsPerUnit", errors);
        BigDecimal cashback = FormNumbers.parse(form.get("cashbackPercent"), "cashbackPercent", errors);
        List<DefineProgram.TierInput> tiers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = form.get("tierName" + i);
            if (name != null && !name.isBlank()) {
                tiers.add(new DefineProgram.TierInput(name,
                        FormNumbers.parse(form.get("tierMin" + i), "tiers[" + i + "].minVolume", errors),
                        FormNumbers.parse(form.get("tierMultiplier" + i), "tiers[" + i + "].multiplier", errors)));
            }
        }
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        String lines = form.getOrDefault("categoryRates", "");
        for (String line : lines.split("\\R")) {
            String[] parts = line.strip().split("[\\s=;]+");
            if (parts.length == 2) {
                rates.put(parts[0], FormNumbers.parse(parts[1], "categoryRates", errors));
            } else if (!line.isBlank()) {
                errors.add(new FieldError("categoryRates", "loyalty.category.invalid"));
            }
        }
        LocalDate starts = date(form.get("startsOn"), "startsOn", errors);
        LocalDate ends = date(form.get("endsOn"), "endsOn", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new DefineProgram(form.get("name"), form.get("currency"), points, cashback, form.get("expiry"),
                form.get("lockPeriod"), starts, ends, rates, tiers);
    }

    private static @Nullable UUID uuidOrNull(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable LocalDate date(@Nullable String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError(field, "loyalty.date.invalid"));
            return null;
        }
    }
}
