package org.openetp.procurement.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.BidId;
import org.openetp.procurement.security.BidSecurityDesk;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's queue of bank guarantees to check (SPEC §4.5); {@code /operator/**} only. */
@Controller
class GuaranteePageController {

    private final BidSecurityDesk desk;

    GuaranteePageController(BidSecurityDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/operator/guarantees")
    String queue(Model model) {
        model.addAttribute("guarantees", desk.pendingQueue());
        return "procurement/guarantees";
    }

    @PostMapping("/operator/guarantees/{bidId}")
    String check(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID bidId, @RequestParam boolean accepted,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        try {
            desk.checkGuarantee(operator, new BidId(bidId), accepted, reason);
            redirect.addFlashAttribute("info", accepted ? "guarantees.accepted" : "guarantees.rejected");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().messageKey());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/operator/guarantees";
    }
}
