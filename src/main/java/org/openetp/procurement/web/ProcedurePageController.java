package org.openetp.procurement.web;

import static org.openetp.shared.web.FormValues.amount;
import static org.openetp.shared.web.FormValues.decimal;
import static org.openetp.shared.web.FormValues.utc;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Classifier;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.BidAccepted;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidView;
import org.openetp.procurement.CreateProcedure;
import org.openetp.procurement.Criterion;
import org.openetp.procurement.LotId;
import org.openetp.procurement.PlaceBid;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.procurement.tenders.TenderForm;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.ReadReplica;
import org.openetp.shared.web.PageActions;
import org.openetp.signature.Signatures;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Procedure pages: the buyer's list and creation form, and one procedure's page with what each role may do. */
@Controller
class ProcedurePageController {

    private final Procurement procurement;
    private final Organizations organizations;
    private final Classifier classifier;
    private final MessageSource messages;
    private final PageActions actions;
    private final Signatures signatures;
    private final Clock clock;
    private final ReadReplica replica;

    ProcedurePageController(Procurement procurement, Organizations organizations, Classifier classifier,
            MessageSource messages, PageActions actions, Signatures signatures, Clock clock, ReadReplica replica) {
        this.procurement = procurement;
        this.organizations = organizations;
        this.classifier = classifier;
        this.messages = messages;
        this.actions = actions;
        this.signatures = signatures;
        this.clock = clock;
        this.replica = replica;
    }

    @GetMapping("/procedures/new")
    String form(Model model, HttpServletRequest request) {
        return renderForm(model, request, Map.of(), Map.of());
    }

    @PostMapping("/procedures/new")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request) {
        try {
            ProcedureView created = procurement.create(user, command(form));
            return "redirect:/procedures/" + created.id();
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.messageKey()));
            return renderForm(model, request, form, errors);
        } catch (ForbiddenException e) {
            model.addAttribute("error", e.messageKey());
            return renderForm(model, request, form, Map.of());
        }
    }

    @GetMapping("/procedures/{id}")
    String page(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id, Model model) {
        // An anonymous visitor posted nothing, so a moment-old copy is fine: the read replica (issue 23).
        ProcedureView procedure = user == null ? replica.read(() -> procurement.view(null, new ProcedureId(id)))
                : procurement.view(user, new ProcedureId(id));
        List<Membership> memberships = user == null ? List.of() : organizations.membershipsOf(user.id());
        boolean buyer = memberships.stream().anyMatch(m -> m.holds(Role.BUYER, procedure.organizationId()));
        boolean committee = memberships.stream()
                .anyMatch(m -> m.holds(Role.COMMITTEE_MEMBER, procedure.organizationId()));
        boolean supplier = !buyer && memberships.stream().anyMatch(m -> m.has(Role.SUPPLIER));
        Map<LotId, List<BidView>> bids = new LinkedHashMap<>();
        if (user != null && (buyer || committee || supplier)) {
            for (ProcedureView.LotView lot : procedure.lots()) {
                try {
                    bids.put(lot.id(), procurement.bids(user, procedure.id(), lot.id()));
                } catch (ForbiddenException sealed) {
                    bids.put(lot.id(), List.of());
                }
            }
        }
        model.addAttribute("p", procedure);
        model.addAttribute("buyer", buyer);
        model.addAttribute("committee", committee);
        model.addAttribute("supplier", supplier);
        model.addAttribute("bids", bids);
        model.addAttribute("bidderNames",
                buyer || committee ? bidderNames(bids) : new java.util.HashMap<UUID, String>());
        model.addAttribute("signaturesRequired", signatures.required(procedure.settings().signatureRequired()));
        model.addAttribute("serverTime", clock.instant());
        model.addAttribute("accepting", procedure.status() == ProcedureStatus.PUBLISHED
                && clock.instant().isBefore(procedure.submissionDeadline()));
        model.addAttribute("nonPriceCriteria", procedure.criteria().stream().filter(c -> !c.price()).toList());
        model.addAttribute("protocols", procedure.openedAt() == null ? List.of()
                : procurement.protocols(user, procedure.id()));
        return "procurement/procedure";
    }

    /**
     * The bidders' names for the buyer's side: only of the bids it may see, which before the opening are none
     * (Procurement.bids refuses them), so no name shows before the opening.
     */
    private Map<UUID, String> bidderNames(Map<LotId, List<BidView>> bids) {
        Map<UUID, String> names = new java.util.HashMap<>();
        bids.values().stream().flatMap(List::stream).map(BidView::organizationId).filter(java.util.Objects::nonNull)
                .distinct().forEach(o -> names.put(o, organizations.shortName(new OrganizationId(o))));
        names.values().removeIf(String::isBlank);
        return names;
    }

    @PostMapping("/procedures/{id}/publish")
    String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "procedure.published", () -> procurement.publish(user, new ProcedureId(id)));
    }

    @PostMapping("/procedures/{id}/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return act(id, redirect, "procedure.cancelled", () -> procurement.cancel(user, new ProcedureId(id), reason));
    }

    @PostMapping("/procedures/{id}/lots/{lotId}/bid")
    String bid(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> proposal = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("proposal.")) {
                proposal.put(k.substring("proposal.".length()), v);
            }
        });
        // The posted "document" is not passed on: browsers turn its LF line ends into CRLF, and the server rebuilds
        // the canonical text from the price anyway; the signature has to match that text.
        String signature = form.get("signature");
        BigDecimal price;
        try {
            price = amount("price", form.get("price"));
        } catch (InvalidInputException unreadable) {
            // Shown again beside the lot's price field with what was typed (GOV.UK: nothing lost on a failed submit).
            redirect.addFlashAttribute("priceError", new TypedPrice(lotId, form.get("price"),
                    unreadable.errors().getFirst().messageKey()));
            return "redirect:/procedures/" + id;
        }
        return act(id, redirect, "bid.accepted", () -> {
            BidAccepted accepted = procurement.placeBid(user, new ProcedureId(id), new LotId(lotId),
                    new PlaceBid(price, null, proposal, null,
                            signature == null || signature.isBlank() ? null : signature, null, security(form)));
            redirect.addFlashAttribute("receipt", accepted.receipt());
        });
    }

    @PostMapping("/procedures/{id}/protocols/{kind}/signature")
    String signProtocol(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable String kind,
            @RequestParam(required = false) @Nullable String signature, RedirectAttributes redirect) {
        return act(id, redirect, "protocol.signed", () -> procurement.signProtocol(user, new ProcedureId(id),
                kind.toUpperCase(Locale.ROOT), signature));
    }

    @PostMapping("/procedures/{id}/lots/{lotId}/contract")
    String decideContract(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestParam boolean sign, @RequestParam(required = false) @Nullable String signature,
            RedirectAttributes redirect) {
        return act(id, redirect, sign ? "contract.signed" : "contract.refused",
                () -> procurement.decideContract(user, new ProcedureId(id), new LotId(lotId), sign,
                        signature == null || signature.isBlank() ? null : signature));
    }

    /** The contract text for the browser's signing script, which has the page's session, not an API token. */
    @GetMapping(value = "/procedures/{id}/lots/{lotId}/contract/text", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String contractText(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId) {
        return procurement.contractText(user, new ProcedureId(id), new LotId(lotId));
    }

    @PostMapping("/procedures/{id}/lots/{lotId}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            RedirectAttributes redirect) {
        return act(id, redirect, "bid.withdrawn",
                () -> procurement.withdrawBid(user, new ProcedureId(id), new LotId(lotId), null));
    }

    @PostMapping("/procedures/{id}/bids/{bidId}/decision")
    String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID bidId,
            @RequestParam boolean admitted, @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, "organization.saved",
                () -> procurement.decideBid(user, new ProcedureId(id), new BidId(bidId), admitted, reason));
    }

    @PostMapping("/procedures/{id}/bids/{bidId}/score")
    String score(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID bidId,
            @RequestParam String criterion, @RequestParam(required = false) @Nullable String score,
            RedirectAttributes redirect) {
        return act(id, redirect, "organization.saved",
                () -> procurement.score(user, new ProcedureId(id), new BidId(bidId), criterion, decimal(score)));
    }

    @PostMapping("/procedures/{id}/lots/{lotId}/award")
    String award(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            RedirectAttributes redirect) {
        return act(id, redirect, "lot.awarded",
                () -> procurement.award(user, new ProcedureId(id), new LotId(lotId)));
    }

    private String act(UUID id, RedirectAttributes redirect, String doneKey, Runnable action) {
        return actions.run("/procedures/" + id, redirect, doneKey, action);
    }

    private String renderForm(Model model, HttpServletRequest request, Map<String, String> form,
            Map<String, String> errors) {
        Locale locale = RequestContextUtils.getLocale(request);
        // A blank form proposes the price criterion, which every weighted kind needs.
        model.addAttribute("form", form.isEmpty() ? Map.of("criteria[0].code", Criterion.PRICE) : form);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldsKind", null);
        model.addAttribute("showLanguage", true);
        model.addAttribute("criteriaRows", 3);
        model.addAttribute("kinds", List.of(ProcedureKind.values()));
        model.addAttribute("categories", classifier.all(locale).stream().filter(c -> c.parentCode() != null).toList());
        model.addAttribute("regions", classifier.regions(locale));
        return "procurement/new";
    }

    /** A bid price the page could not read: typed again into its lot's field, with the reason beside it. */
    record TypedPrice(UUID lot, @Nullable String text, String messageKey) implements java.io.Serializable {
    }

    /** The bid form's security fields, when the lot asks for security and the supplier chose a form. */
    private static PlaceBid.@Nullable BidSecurity security(Map<String, String> form) {
        String chosen = form.get("securityForm");
        if (chosen == null || chosen.isBlank()) {
            return null;
        }
        String validUntil = form.get("guaranteeValidUntil");
        LocalDate until = null;
        if (validUntil != null && !validUntil.isBlank()) {
            try {
                until = LocalDate.parse(validUntil);
            } catch (java.time.format.DateTimeParseException e) {
                until = null; // reported as a missing date by the rule that needs it
            }
        }
        return new PlaceBid.BidSecurity(chosen, form.get("guaranteeBank"), form.get("guaranteeNumber"),
                decimal(form.get("guaranteeAmount")), until);
    }

    /** The creation form has one lot and up to three criteria; the API takes any number. */
    private static CreateProcedure command(Map<String, String> form) {
        List<CreateProcedure.NewCriterion> criteria = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = form.get("criteria[" + i + "].code");
            if (code != null && !code.isBlank()) {
                criteria.add(new CreateProcedure.NewCriterion(code.strip(),
                        decimal(form.get("criteria[" + i + "].weight"))));
            }
        }
        String securityKind = form.get("lots[0].securityKind");
        CreateProcedure.NewLot lot = new CreateProcedure.NewLot(form.get("lots[0].title"),
                form.get("lots[0].categoryCode"), decimal(form.get("lots[0].quantity")), form.get("lots[0].unit"),
                amount("lots[0].startPrice", form.get("lots[0].startPrice")), form.get("lots[0].deliveryRegion"),
                securityKind == null || securityKind.isBlank() ? null
                        : new CreateProcedure.NewSecurity(securityKind, decimal(form.get("lots[0].securityValue"))));
        return new CreateProcedure(form.get("kind"), form.get("title"), form.get("description"), form.get("currency"),
                utc(form.get("submissionDeadline")), settings(form), List.of(lot), criteria, null,
                form.get("language"));
    }

    /**
     * The tender switches, the framework size, and for auctions the fields of the form's auction section (minutes,
     * percent).
     */
    static Map<String, Object> settings(Map<String, String> form) {
        Map<String, Object> settings = new LinkedHashMap<>(TenderForm.settings(form));
        String frameworkSize = form.get("frameworkSize");
        if (frameworkSize != null && !frameworkSize.isBlank()) {
            try {
                settings.put("frameworkSize", Integer.parseInt(frameworkSize.strip()));
            } catch (NumberFormatException e) {
                settings.put("frameworkSize", -1); // reported by the settings rule, naming the field
            }
        }
        String kind = form.getOrDefault("kind", "");
        if (!kind.endsWith("_AUCTION")) {
            return settings;
        }
        Instant start = utc(form.get("auctionStart"));
        settings.put("auctionStart", start == null ? "" : start.toString());
        minutes(form, "duration", settings);
        minutes(form, "extensionWindow", settings);
        minutes(form, "stepInterval", settings);
        minutes(form, "turnTime", settings);
        for (String name : List.of("minStepPercent", "maxStepPercent", "reservePrice", "rounds")) {
            String value = form.get(name);
            if (value != null && !value.isBlank()) {
                settings.put(name, value.strip());
            }
        }
        if ("true".equals(form.get("secondPrice"))) {
            settings.put("secondPrice", true);
        }
        return settings;
    }

    private static void minutes(Map<String, String> form, String name, Map<String, Object> settings) {
        String value = form.get(name);
        if (value != null && !value.isBlank()) {
            settings.put(name, "PT" + value.strip() + "M");
        }
    }

}
