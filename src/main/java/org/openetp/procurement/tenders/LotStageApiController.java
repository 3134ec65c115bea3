package org.openetp.procurement.tenders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The extra stages of tender kinds over the API: re-bidding rounds, framework suppliers and call-offs. */
@RestController
@RequestMapping("/api/v1/procedures/{id}/lots/{lotId}")
class LotStageApiController {

    record StartRound(@Nullable Instant deadline) {
    }

    record Rebid(@Nullable BigDecimal price) {
    }

    private final Rebidding rebidding;
    private final Frameworks frameworks;

    LotStageApiController(Rebidding rebidding, Frameworks frameworks) {
        this.rebidding = rebidding;
        this.frameworks = frameworks;
    }

    /** The buyer starts the lot's re-bidding round (REBIDDING_TENDER), open until {@code deadline}. */
    @PostMapping("/rebidding")
    @ResponseStatus(HttpStatus.CREATED)
    RoundView start(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestBody StartRound body) {
        return rebidding.start(user, new ProcedureId(id), new LotId(lotId), body.deadline());
    }

    @GetMapping("/rebidding")
    RoundView round(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId) {
        return rebidding.round(user, new ProcedureId(id), new LotId(lotId));
    }

    /** An admitted bidder lowers its price during the round; a price not lower is refused. */
    @PostMapping("/rebids")
    @ResponseStatus(HttpStatus.CREATED)
    RoundView rebid(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestBody Rebid body) {
        return rebidding.rebid(user, new ProcedureId(id), new LotId(lotId), body.price());
    }

    /** A framework lot's suppliers and call-offs (FRAMEWORK_TENDER). */
    @GetMapping("/framework")
    FrameworkView framework(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID lotId) {
        return frameworks.framework(user, new ProcedureId(id), new LotId(lotId));
    }

    /** The buyer makes a call-off from a framework supplier; the answer names the contract it was drafted as. */
    @PostMapping("/call-offs")
    @ResponseStatus(HttpStatus.CREATED)
    CallOff callOff(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestBody CallOff.Request body) {
        return frameworks.callOff(user, new ProcedureId(id), new LotId(lotId), body);
    }
}
