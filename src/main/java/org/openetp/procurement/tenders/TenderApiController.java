package org.openetp.procurement.tenders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.BidId;
import org.openetp.procurement.LotId;
import org.openetp.procurement.Negotiations;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.Protocol;
import org.openetp.procurement.TenderViews;
import org.openetp.procurement.Tenders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tender steps over the API: invitations, qualification applications and stage-1 proposals
 * ({@code stage}: {@code qualification} or {@code stage-one}), and competitive negotiations.
 */
@RestController
class TenderApiController {

    record Invite(@Nullable UUID organizationId, @Nullable String taxId) {
    }

    record Apply(@Nullable String text, @Nullable String documentsRef, @Nullable UUID organizationId) {
    }

    record Judgement(boolean accepted, @Nullable String reason) {
    }

    record Text(@Nullable String text) {
    }

    record Call(@Nullable Instant deadline) {
    }

    record Choose(@Nullable UUID bidId, @Nullable String reason) {
    }

    private final Tenders tenders;
    private final Negotiations negotiations;

    TenderApiController(Tenders tenders, Negotiations negotiations) {
        this.tenders = tenders;
        this.negotiations = negotiations;
    }

    /** The published procedures the caller's supplier organizations are invited to. */
    @GetMapping("/api/v1/invitations")
    List<org.openetp.procurement.ProcedureView> invitedTo(@AuthenticationPrincipal CurrentUser user) {
        return tenders.invitedTo(user);
    }

    @PostMapping("/api/v1/procedures/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    TenderViews.Invitation invite(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody Invite body) {
        return tenders.invite(user, new ProcedureId(id), body.organizationId(), body.taxId());
    }

    @GetMapping("/api/v1/procedures/{id}/invitations")
    List<TenderViews.Invitation> invitations(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return tenders.invitations(user, new ProcedureId(id));
    }

    @GetMapping("/api/v1/procedures/{id}/stages/{stage}")
    TenderViews.StageState stage(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id,
            @PathVariable String stage) {
        return tenders.stage(user, new ProcedureId(id), Tenders.stageOf(stage));
    }

    @PostMapping("/api/v1/procedures/{id}/stages/{stage}/applications")
    @ResponseStatus(HttpStatus.CREATED)
    TenderViews.Application apply(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable String stage, @RequestBody Apply body) {
        return tenders.apply(user, new ProcedureId(id), Tenders.stageOf(stage), body.text(), body.documentsRef(),
                body.organizationId());
    }

    @PostMapping("/api/v1/procedures/{id}/stages/{stage}/applications/{application}/decision")
    TenderViews.Application judge(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable String stage, @PathVariable UUID application, @RequestBody Judgement body) {
        return tenders.judge(user, new ProcedureId(id), Tenders.stageOf(stage), application, body.accepted(),
                body.reason());
    }

    @PostMapping("/api/v1/procedures/{id}/stages/{stage}/protocol")
    Protocol protocol(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable String stage) {
        return tenders.publishProtocol(user, new ProcedureId(id), Tenders.stageOf(stage));
    }

    @GetMapping("/api/v1/procedures/{id}/negotiations")
    TenderViews.NegotiationState negotiation(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return negotiations.state(user, new ProcedureId(id));
    }

    @GetMapping("/api/v1/procedures/{id}/negotiations/threads")
    List<TenderViews.Thread> threads(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return negotiations.threads(user, new ProcedureId(id));
    }

    @GetMapping("/api/v1/procedures/{id}/negotiations/threads/{organizationId}")
    TenderViews.Thread thread(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID organizationId) {
        return negotiations.thread(user, new ProcedureId(id), organizationId);
    }

    @PostMapping("/api/v1/procedures/{id}/negotiations/threads/{organizationId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    TenderViews.Message send(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID organizationId, @RequestBody Text body) {
        return negotiations.send(user, new ProcedureId(id), organizationId, body.text());
    }

    @PostMapping("/api/v1/procedures/{id}/negotiations/final-offers")
    TenderViews.NegotiationState call(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody Call body) {
        return negotiations.callForFinalOffers(user, new ProcedureId(id), body.deadline());
    }

    @PostMapping("/api/v1/procedures/{id}/negotiations/lots/{lotId}/choice")
    TenderViews.NegotiationState choose(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID lotId, @RequestBody Choose body) {
        return negotiations.choose(user, new ProcedureId(id), new LotId(lotId),
                body.bidId() == null ? null : new BidId(body.bidId()), body.reason());
    }
}
