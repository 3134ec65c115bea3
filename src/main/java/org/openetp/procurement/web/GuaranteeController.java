package org.openetp.procurement.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.BidId;
import org.openetp.procurement.security.BidSecurityDesk;
import org.openetp.procurement.security.SecurityView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The operator checks bank guarantees offered as bid security (SPEC §4.5); {@code /api/v1/operator/**} only. */
@RestController
class GuaranteeController {

    record Check(boolean accepted, @Nullable String reason) {
    }

    private final BidSecurityDesk desk;

    GuaranteeController(BidSecurityDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/api/v1/operator/guarantees")
    List<SecurityView> pending() {
        return desk.pendingGuarantees();
    }

    @PostMapping("/api/v1/operator/guarantees/{bidId}")
    SecurityView check(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID bidId,
            @RequestBody Check body) {
        return desk.checkGuarantee(operator, new BidId(bidId), body.accepted(), body.reason());
    }
}
