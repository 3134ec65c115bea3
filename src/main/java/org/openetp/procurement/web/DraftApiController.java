package org.openetp.procurement.web;

import java.util.UUID;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.CreateProcedure;
import org.openetp.procurement.Drafts;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureView;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The draft editor over the API (docs/drafts.md): change a draft, its lots, or copy a procedure into a new draft.
 * Each answer is the whole procedure as {@code GET /api/v1/procedures/{id}} gives it.
 */
@RestController
@RequestMapping("/api/v1/procedures/{id}")
class DraftApiController {

    private final Drafts drafts;

    DraftApiController(Drafts drafts) {
        this.drafts = drafts;
    }

    @PutMapping
    ProcedureView edit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody CreateProcedure body) {
        return drafts.edit(user, new ProcedureId(id), body);
    }

    @PostMapping("/lots")
    @ResponseStatus(HttpStatus.CREATED)
    ProcedureView addLot(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody CreateProcedure.NewLot body) {
        return drafts.addLot(user, new ProcedureId(id), body);
    }

    @PutMapping("/lots/{lotId}")
    ProcedureView changeLot(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID lotId, @RequestBody CreateProcedure.NewLot body) {
        return drafts.changeLot(user, new ProcedureId(id), new LotId(lotId), body);
    }

    @DeleteMapping("/lots/{lotId}")
    ProcedureView removeLot(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID lotId) {
        return drafts.removeLot(user, new ProcedureId(id), new LotId(lotId));
    }

    @PostMapping("/copy")
    @ResponseStatus(HttpStatus.CREATED)
    ProcedureView copy(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return drafts.copy(user, new ProcedureId(id));
    }
}
