package org.openetp.procurement.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.BidAccepted;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidView;
import org.openetp.procurement.CreateProcedure;
import org.openetp.procurement.LotId;
import org.openetp.procurement.PlaceBid;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.procurement.Protocol;
import org.openetp.signature.Reverification;
import org.openetp.shared.ReadReplica;
import org.openetp.shared.pdf.PdfRenderer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Procedures and bids over the API (API.md "Procedures" and "Bids"), plus evaluation and award. */
@RestController
@RequestMapping("/api/v1/procedures")
class ProcedureApiController {

    record Reason(@Nullable String reason) {
    }

    record Decision(boolean admitted, @Nullable String reason) {
    }

    record Score(@Nullable String criterion, @Nullable BigDecimal score) {
    }

    record Signature(@Nullable String signature) {
    }

    record ContractAnswer(boolean sign, @Nullable String signature) {
    }

    private final Procurement procurement;
    private final PdfRenderer pdf;
    private final ReadReplica replica;

    ProcedureApiController(Procurement procurement, PdfRenderer pdf, ReadReplica replica) {
        this.procurement = procurement;
        this.pdf = pdf;
        this.replica = replica;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProcedureView create(@AuthenticationPrincipal CurrentUser user, @RequestBody CreateProcedure body) {
        return procurement.create(user, body);
    }

    @GetMapping("/{id}")
    ProcedureView get(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id) {
        // An anonymous reader posted nothing, so a moment-old copy is fine: the read replica (issue 23).
        return user == null ? replica.read(() -> procurement.view(null, new ProcedureId(id)))
                : procurement.view(user, new ProcedureId(id));
    }

    @PostMapping("/{id}/publish")
    ProcedureView publish(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return procurement.publish(user, new ProcedureId(id));
    }

    @PostMapping("/{id}/cancel")
    ProcedureView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody(required = false) @Nullable Reason body) {
        return procurement.cancel(user, new ProcedureId(id), body == null ? null : body.reason());
    }

    @PostMapping("/{id}/lots/{lotId}/bids")
    @ResponseStatus(HttpStatus.CREATED)
    BidAccepted bid(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestBody PlaceBid body) {
        return procurement.placeBid(user, new ProcedureId(id), new LotId(lotId), body);
    }

    @GetMapping("/{id}/lots/{lotId}/bids")
    List<BidView> bids(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId) {
        return procurement.bids(user, new ProcedureId(id), new LotId(lotId));
    }

    @DeleteMapping("/{id}/lots/{lotId}/bids")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        procurement.withdrawBid(user, new ProcedureId(id), new LotId(lotId), organizationId);
    }

    @PostMapping("/{id}/bids/{bidId}/decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void decide(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID bidId,
            @RequestBody Decision body) {
        procurement.decideBid(user, new ProcedureId(id), new BidId(bidId), body.admitted(), body.reason());
    }

    @PostMapping("/{id}/bids/{bidId}/scores")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void score(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID bidId,
            @RequestBody Score body) {
        procurement.score(user, new ProcedureId(id), new BidId(bidId), body.criterion(), body.score());
    }

    @PostMapping("/{id}/lots/{lotId}/award")
    ProcedureView award(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId) {
        return procurement.award(user, new ProcedureId(id), new LotId(lotId));
    }

    @GetMapping(value = "/{id}/protocols/{kind}", produces = MediaType.TEXT_HTML_VALUE)
    String protocol(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id,
            @PathVariable String kind) {
        return procurement.protocol(user, new ProcedureId(id), kind.toUpperCase(Locale.ROOT)).html();
    }

    /** The winner of the lot signs ({@code sign: true}) or refuses the contract; its bid security follows. */
    @PostMapping("/{id}/lots/{lotId}/contract")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void decideContract(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestBody ContractAnswer body) {
        procurement.decideContract(user, new ProcedureId(id), new LotId(lotId), body.sign(), body.signature());
    }

    /** What the winner signs to accept the contract, where signatures are required (text/plain, UTF-8). */
    @GetMapping(value = "/{id}/lots/{lotId}/contract/text", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    String contractText(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId) {
        return procurement.contractText(user, new ProcedureId(id), new LotId(lotId));
    }

    /** The buyer signs the protocol's HTML original (the exact bytes the GET above returns). */
    @PostMapping("/{id}/protocols/{kind}/signature")
    Protocol signProtocol(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable String kind,
            @RequestBody Signature body) {
        return procurement.signProtocol(user, new ProcedureId(id), kind.toUpperCase(Locale.ROOT), body.signature());
    }

    /** Re-verifies a signed bid: its bidder at any time, the buyer's side after the opening. */
    @GetMapping("/{id}/bids/{bidId}/signature")
    Reverification bidSignature(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID bidId) {
        return procurement.bidSignature(user, new ProcedureId(id), new BidId(bidId));
    }

    /** The same protocol as PDF, rendered from the stored original; its footer names the original's SHA-256. */
    @GetMapping(value = "/{id}/protocols/{kind}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> protocolPdf(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id,
            @PathVariable String kind) {
        Protocol protocol = procurement.protocol(user, new ProcedureId(id), kind.toUpperCase(Locale.ROOT));
        String footer = "OpenETP · " + protocol.kind() + " · " + protocol.procedure() + " · "
                + protocol.createdAt() + " · SHA-256 (HTML) " + protocol.sha256();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(protocol.kind().toLowerCase(Locale.ROOT) + "-protocol-" + id + ".pdf").build()
                        .toString())
                .body(pdf.render(protocol.html(), footer));
    }
}
