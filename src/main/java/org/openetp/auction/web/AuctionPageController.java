package org.openetp.auction.web;

import static org.openetp.shared.web.FormValues.decimal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.AuctionView;
import org.openetp.auction.Auctions;
import org.openetp.auction.LiveBid;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.LotId;
import org.openetp.procurement.LotProcedures;
import org.openetp.procurement.ProcedureView;
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

/**
 * The live auction page (SPEC §6): the panel with the server clock, prices, the caller's own rank and the next
 * valid prices is re-rendered on every event of the auction's stream; bidders bid below it, the buyer only watches.
 */
@Controller
class AuctionPageController {

    private final Auctions auctions;
    private final Procurement procurement;
    private final PageActions actions;
    private final LotProcedures lots;

    AuctionPageController(Auctions auctions, Procurement procurement, PageActions actions, LotProcedures lots) {
        this.auctions = auctions;
        this.procurement = procurement;
        this.actions = actions;
        this.lots = lots;
    }

    @GetMapping("/auctions/{lotId}")
    String page(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID lotId, Model model) {
        AuctionView auction;
        try {
            auction = auctions.view(user, new LotId(lotId));
        } catch (NotFoundException notYet) {
            return scheduled(user, new LotId(lotId), model, notYet);
        }
        ProcedureView procedure = procurement.view(user, auction.procedureId());
        model.addAttribute("a", auction);
        model.addAttribute("p", procedure);
        model.addAttribute("lot", procedure.lots().stream().filter(l -> l.id().equals(auction.lotId())).findFirst()
                .orElseThrow());
        return "auction/live";
    }

    /**
     * Before the applications are opened the lot's auction does not exist yet, but its start is known: the page says
     * when it starts and that it becomes the live auction then (issue 17: the link used to appear only after the
     * deadline). Anything else that is not found stays not found.
     */
    private String scheduled(@Nullable CurrentUser user, LotId lotId, Model model, NotFoundException notYet) {
        ProcedureView procedure = procurement.view(user, lots.procedureOf(lotId).orElseThrow(() -> notYet));
        if (!procedure.kind().auction() || procedure.settings().auction() == null || procedure.openedAt() != null) {
            throw notYet;
        }
        model.addAttribute("p", procedure);
        model.addAttribute("lot", procedure.lots().stream().filter(l -> l.id().equals(lotId)).findFirst()
                .orElseThrow(() -> notYet));
        model.addAttribute("s", procedure.settings().auction());
        return "auction/scheduled";
    }

    @GetMapping("/auctions/{lotId}/panel")
    String panel(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID lotId, Model model) {
        model.addAttribute("a", auctions.view(user, new LotId(lotId)));
        return "auction/live :: panel";
    }

    /**
     * A bid from the page: a price, a step bid ({@code steps}, the "beat the best by one step" button), or the clock
     * kinds' accept / stay / pass ({@code action}).
     */
    @PostMapping("/auctions/{lotId}/bids")
    String bid(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID lotId,
            @RequestParam(required = false) @Nullable String price,
            @RequestParam(required = false) @Nullable String steps,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String signature, RedirectAttributes redirect) {
        return actions.run("/auctions/" + lotId, redirect, "auction.bid.accepted",
                () -> auctions.bid(user, new LotId(lotId), new LiveBid(decimal(price),
                        "accept".equals(action) ? true : null, "stay".equals(action) ? true : null,
                        "pass".equals(action) ? true : null, count(steps), null, null, null,
                        signature == null || signature.isBlank() ? null : signature)));
    }

    /** A whole number from a form; empty is null, unreadable text 0, which the module refuses naming the field. */
    private static @Nullable Integer count(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

}
