package org.openetp.procurement.tenders;

import static org.openetp.shared.web.FormValues.decimal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.Procurement;
import org.openetp.procurement.domain.AlternativesPolicy;
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

/** The price opening and the alternative offers on the procedure page (loaded by htmx). */
@Controller
class OfferStagePageController {

    private final Envelopes envelopes;
    private final Alternatives alternatives;
    private final PageActions actions;
    private final Procurement procurement;

    OfferStagePageController(Envelopes envelopes, Alternatives alternatives, PageActions actions,
            Procurement procurement) {
        this.envelopes = envelopes;
        this.alternatives = alternatives;
        this.actions = actions;
        this.procurement = procurement;
    }

    @GetMapping("/procedures/{id}/envelopes")
    String envelopes(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id, Model model) {
        procurement.view(user, new ProcedureId(id)); // an unknown or hidden procedure is "not found", not empty
        model.addAttribute("procedureId", id);
        model.addAttribute("opening", null);
        if (user != null) {
            try {
                model.addAttribute("opening", envelopes.state(user, new ProcedureId(id)));
            } catch (NotFoundException none) {
                // not a two-envelope tender, or not the buyer's
            }
        }
        return "procurement/offers :: envelopes";
    }

    @PostMapping("/procedures/{id}/price-envelopes")
    String openPrices(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "envelope.opened", () -> envelopes.openPrices(user, new ProcedureId(id)));
    }

    @GetMapping("/procedures/{id}/lots/{lotId}/alternatives")
    String alternatives(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID lotId, Model model) {
        model.addAttribute("procedureId", id);
        model.addAttribute("lotId", lotId);
        model.addAttribute("page", user == null ? new Alternatives.Page(List.of(), false, false)
                : alternatives.page(user, new ProcedureId(id), new LotId(lotId)));
        model.addAttribute("slots", List.of(1, 2, 3, 4, 5).subList(0, AlternativesPolicy.MAX));
        return "procurement/offers :: alternatives";
    }

    @PostMapping("/procedures/{id}/lots/{lotId}/alternatives")
    String replace(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestParam(required = false) @Nullable List<String> description,
            @RequestParam(required = false) @Nullable List<String> price, RedirectAttributes redirect) {
        List<AlternativesPolicy.Offer> offers = new ArrayList<>();
        int n = description == null ? 0 : description.size();
        for (int i = 0; i < n; i++) {
            String d = description.get(i);
            String p = price != null && i < price.size() ? price.get(i) : null;
            if ((d == null || d.isBlank()) && (p == null || p.isBlank())) {
                continue; // an empty slot of the form
            }
            offers.add(new AlternativesPolicy.Offer(d, decimal(p)));
        }
        return act(id, redirect, "alternative.saved",
                () -> alternatives.replace(user, new ProcedureId(id), new LotId(lotId), offers));
    }

    @PostMapping("/procedures/{id}/alternatives/{alternativeId}/decision")
    String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID alternativeId,
            @RequestParam boolean admitted, @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, "alternative.decided",
                () -> alternatives.decide(user, new ProcedureId(id), alternativeId, admitted, reason));
    }

    private String act(UUID id, RedirectAttributes redirect, String doneKey, Runnable action) {
        return actions.run("/procedures/" + id, redirect, doneKey, action);
    }

}
