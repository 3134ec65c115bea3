package org.openetp.procurement.tenders;

import static org.openetp.shared.web.FormValues.decimal;
import static org.openetp.shared.web.FormValues.utc;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.Procurement;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.web.PageActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A lot's extra stages on the procedure page (loaded by htmx): the re-bidding round and the framework. */
@Controller
class LotStagePageController {

    private final Rebidding rebidding;
    private final Frameworks frameworks;
    private final PageActions actions;
    private final Procurement procurement;

    LotStagePageController(Rebidding rebidding, Frameworks frameworks, PageActions actions, Procurement procurement) {
        this.procurement = procurement;
        this.rebidding = rebidding;
        this.frameworks = frameworks;
        this.actions = actions;
    }

    @GetMapping("/procedures/{id}/lots/{lotId}/stages")
    String stages(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID lotId, @RequestParam(defaultValue = "false") boolean buyer, Model model) {
        // An unknown or hidden procedure, or a lot not of it, is "not found" rather than an empty fragment.
        if (procurement.view(user, new ProcedureId(id)).lots().stream().noneMatch(l -> l.id().value().equals(lotId))) {
            throw new NotFoundException("Lot");
        }
        model.addAttribute("procedureId", id);
        model.addAttribute("lotId", lotId);
        model.addAttribute("buyer", buyer);
        model.addAttribute("round", null);
        model.addAttribute("framework", null);
        if (user != null) {
            try {
                model.addAttribute("round", rebidding.round(user, new ProcedureId(id), new LotId(lotId)));
            } catch (NotFoundException none) {
                // no round yet, or none the caller may see
            }
            try {
                model.addAttribute("framework", frameworks.framework(user, new ProcedureId(id), new LotId(lotId)));
            } catch (NotFoundException none) {
                // not a framework, or not the caller's
            }
        }
        return "procurement/stages :: stages";
    }

    @PostMapping("/procedures/{id}/lots/{lotId}/rebidding")
    String start(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestParam(required = false) @Nullable String deadline, RedirectAttributes redirect) {
        return act(id, redirect, "rebid.started",
                () -> rebidding.start(user, new ProcedureId(id), new LotId(lotId), utc(deadline)));
    }

    @PostMapping("/procedures/{id}/lots/{lotId}/rebid")
    String rebid(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestParam(required = false) @Nullable String price, RedirectAttributes redirect) {
        return act(id, redirect, "rebid.accepted",
                () -> rebidding.rebid(user, new ProcedureId(id), new LotId(lotId), decimal(price)));
    }

    @PostMapping("/procedures/{id}/lots/{lotId}/call-offs")
    String callOff(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestParam(required = false) @Nullable UUID supplierOrganizationId,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String quantity,
            @RequestParam(required = false) @Nullable String price, RedirectAttributes redirect) {
        return act(id, redirect, "calloff.made", () -> frameworks.callOff(user, new ProcedureId(id),
                new LotId(lotId), new CallOff.Request(supplierOrganizationId, subject, decimal(quantity),
                        decimal(price))));
    }

    private String act(UUID id, RedirectAttributes redirect, String doneKey, Runnable action) {
        return actions.run("/procedures/" + id, redirect, doneKey, action);
    }

}
