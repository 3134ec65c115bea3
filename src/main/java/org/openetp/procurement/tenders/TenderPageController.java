package org.openetp.procurement.tenders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidView;
import org.openetp.procurement.LotId;
import org.openetp.procurement.Negotiations;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.procurement.Tenders;
import org.openetp.procurement.domain.TenderRules.Stage;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.web.PageActions;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The procedure page's "Tender steps" section (fetched by htmx) and its forms: invitations, qualification
 * applications and stage-1 proposals with the buyer's decisions and protocols, and the negotiation threads, the call
 * for final offers and the buyer's choice. Each form answers with the procedure page and a message.
 */
@Controller
class TenderPageController {

    private final Procurement procurement;
    private final Tenders tenders;
    private final Negotiations negotiations;
    private final Organizations organizations;
    private final MessageSource messages;
    private final PageActions actions;
    private final Clock clock;

    TenderPageController(Procurement procurement, Tenders tenders, Negotiations negotiations,
            Organizations organizations, MessageSource messages, PageActions actions, Clock clock) {
        this.procurement = procurement;
        this.tenders = tenders;
        this.negotiations = negotiations;
        this.organizations = organizations;
        this.messages = messages;
        this.actions = actions;
        this.clock = clock;
    }

    @GetMapping("/procedures/{id}/tender")
    String section(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        ProcedureView p = procurement.view(user, new ProcedureId(id));
        List<Membership> memberships = organizations.membershipsOf(user.id());
        boolean buyer = memberships.stream().anyMatch(m -> m.holds(Role.BUYER, p.organizationId()));
        boolean buyerSide = memberships.stream().anyMatch(m -> m.organization().value().equals(p.organizationId()));
        boolean supplier = !buyerSide && memberships.stream().anyMatch(m -> m.has(Role.SUPPLIER));
        boolean negotiation = p.kind().negotiations();
        model.addAttribute("p", p);
        model.addAttribute("buyer", buyer);
        model.addAttribute("supplier", supplier);
        model.addAttribute("negotiation", negotiation);
        model.addAttribute("invitations", buyer ? tenders.invitations(user, p.id()) : List.of());
        model.addAttribute("canInvite", buyer && (p.status() == ProcedureStatus.DRAFT
                || p.status() == ProcedureStatus.PUBLISHED));
        List<Object> stages = new ArrayList<>();
        if (p.settings().prequalification() && p.status() != ProcedureStatus.DRAFT) {
            stages.add(tenders.stage(user, p.id(), Stage.QUALIFICATION));
        }
        if (p.settings().twoStage() && p.status() != ProcedureStatus.DRAFT) {
            stages.add(tenders.stage(user, p.id(), Stage.STAGE_ONE));
        }
        model.addAttribute("stages", stages);
        if (negotiation && p.status() != ProcedureStatus.DRAFT) {
            model.addAttribute("negotiationState", negotiations.state(user, p.id()));
            model.addAttribute("threads", negotiations.threads(user, p.id()));
            Map<LotId, List<BidView>> offers = new LinkedHashMap<>();
            if (buyer && p.status() == ProcedureStatus.EVALUATION) {
                p.lots().forEach(l -> offers.put(l.id(), procurement.bids(user, p.id(), l.id())));
            }
            model.addAttribute("offers", offers);
        }
        model.addAttribute("serverTime", clock.instant());
        return "procurement/tender :: tender";
    }

    @PostMapping("/procedures/{id}/invitations")
    String invite(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String taxId, RedirectAttributes redirect) {
        return act(id, redirect, "invitation.sent", () -> {
            UUID organization = null;
            String given = taxId == null ? "" : taxId.strip();
            if (given.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
                organization = UUID.fromString(given);
            }
            tenders.invite(user, new ProcedureId(id), organization, organization == null ? given : null);
        });
    }

    @PostMapping("/procedures/{id}/stages/{stage}/applications")
    String apply(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable String stage,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String documentsRef, RedirectAttributes redirect) {
        return act(id, redirect, "application.submitted", () -> tenders.apply(user, new ProcedureId(id),
                Tenders.stageOf(stage), text, documentsRef, null));
    }

    @PostMapping("/procedures/{id}/stages/{stage}/applications/{application}/decision")
    String judge(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable String stage,
            @PathVariable UUID application, @RequestParam boolean accepted,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return act(id, redirect, "application.judged", () -> tenders.judge(user, new ProcedureId(id),
                Tenders.stageOf(stage), application, accepted, reason));
    }

    @PostMapping("/procedures/{id}/stages/{stage}/protocol")
    String protocol(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable String stage,
            RedirectAttributes redirect) {
        return act(id, redirect, "application.protocolPublished.done",
                () -> tenders.publishProtocol(user, new ProcedureId(id), Tenders.stageOf(stage)));
    }

    @PostMapping("/procedures/{id}/negotiations/threads/{organization}/messages")
    String send(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID organization,
            @RequestParam(required = false) @Nullable String text, RedirectAttributes redirect) {
        return act(id, redirect, "negotiations.sent",
                () -> negotiations.send(user, new ProcedureId(id), organization, text));
    }

    @PostMapping("/procedures/{id}/negotiations/final-offers")
    String call(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String deadline, RedirectAttributes redirect) {
        return act(id, redirect, "negotiations.called",
                () -> negotiations.callForFinalOffers(user, new ProcedureId(id), utc(deadline)));
    }

    @PostMapping("/procedures/{id}/negotiations/lots/{lot}/choice")
    String choose(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lot,
            @RequestParam(required = false) @Nullable UUID bidId,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return act(id, redirect, "negotiations.chosen", () -> negotiations.choose(user, new ProcedureId(id),
                new LotId(lot), bidId == null ? null : new BidId(bidId), reason));
    }

    /** A datetime-local field, read as UTC like the creation form's. */
    static @Nullable Instant utc(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("deadline", "settings.instant");
        }
    }

    private String act(UUID id, RedirectAttributes redirect, String doneKey, Runnable action) {
        return actions.run("/procedures/" + id, redirect, doneKey, action);
    }
}
