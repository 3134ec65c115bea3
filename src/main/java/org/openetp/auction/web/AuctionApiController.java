package org.openetp.auction.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.AuctionView;
import org.openetp.auction.Auctions;
import org.openetp.auction.BidAcknowledged;
import org.openetp.auction.LiveBid;
import org.openetp.auction.LiveEvent;
import org.openetp.auction.ReplayReport;
import org.openetp.auction.live.LiveUpdates;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.LotId;
import org.openetp.shared.pdf.PdfRenderer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live auctions over HTTP (API.md "Live auctions"): state, bids, the event stream, the log's replay, the protocol. */
@RestController
@RequestMapping("/api/v1/auctions/{lotId}")
class AuctionApiController {

    private final Auctions auctions;
    private final LiveUpdates live;
    private final PdfRenderer pdf;

    AuctionApiController(Auctions auctions, LiveUpdates live, PdfRenderer pdf) {
        this.auctions = auctions;
        this.live = live;
        this.pdf = pdf;
    }

    @GetMapping
    AuctionView view(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID lotId) {
        return auctions.view(user, new LotId(lotId));
    }

    /** A participant's bid; 201 once it is committed to the auction's log, with the auction as it now stands. */
    @PostMapping("/bids")
    @Operation(summary = "Place a live bid", description = """
            Exactly one of: `price` (a price that beats the best by a step within the auction's minimum and maximum \
            step; the own price in a multi-round turn, the one sealed bid in a sealed-bid auction), `accept: true` \
            (the Dutch kinds), `stay: true` (Japanese), `pass: true` (a multi-round turn), or, in reverse and forward \
            auctions, `steps` (1 to 1000) with an optional `limit`: beat the best price as it is when the bid is \
            applied by that many minimum steps, never below the limit (reverse) or above it (forward). A step bid \
            cannot go stale while others bid; its resolved price is in the answer and the log. Signed auctions take \
            no step bids (`auction.steps.signed`); their bids carry `signature` over `GET .../canonical`. 201 once \
            committed to the log; 400 names a malformed field (`auction.command.one`, `auction.steps.count`, \
            `auction.steps.limit`); 409 names the rule broken (`auction.step.tooSmall`, `auction.ownLeadingBid`, \
            `auction.steps.pastLimit`, `auction.steps.notThisKind`...).""")
    ResponseEntity<BidAcknowledged> bid(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID lotId,
            @RequestBody LiveBid body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(auctions.bid(user, new LotId(lotId), body));
    }

    /** The exact text to sign for a live bid on a signed auction (text/plain, UTF-8). */
    @GetMapping(value = "/canonical", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    String canonical(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID lotId,
            @RequestParam(required = false) java.math.@Nullable BigDecimal price,
            @RequestParam(required = false) @Nullable Boolean accept, @RequestParam(required = false) @Nullable Boolean stay,
            @RequestParam(required = false) @Nullable Boolean pass) {
        return auctions.canonicalBid(user, new LotId(lotId),
                new LiveBid(price, accept, stay, pass, null, null, null, null, null));
    }

    /**
     * Every log entry after the one the watcher has (its {@code Last-Event-ID}, or now), as server-sent events named
     * {@code auction} whose id is the entry's position.
     */
    @GetMapping(value = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID lotId,
            @RequestHeader(value = "Last-Event-ID", required = false) @Nullable Long lastEventId) {
        long now = auctions.watch(user, new LotId(lotId));
        return live.watch(new LotId(lotId), lastEventId == null ? now : Math.min(lastEventId, now));
    }

    /** The auction's log as watchers see it, as a JSON array of the stream's events. */
    @GetMapping(value = "/log", produces = MediaType.APPLICATION_JSON_VALUE)
    String log(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID lotId) {
        return auctions.log(user, new LotId(lotId)).stream().map(LiveEvent::json)
                .collect(Collectors.joining(",", "[", "]"));
    }

    @GetMapping("/replay")
    ReplayReport replay(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID lotId) {
        return auctions.replay(user, new LotId(lotId));
    }

    @GetMapping(value = "/protocol", produces = MediaType.TEXT_HTML_VALUE)
    String protocol(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID lotId) {
        return auctions.protocol(user, new LotId(lotId));
    }

    @GetMapping(value = "/protocol.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> protocolPdf(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID lotId) {
        String html = auctions.protocol(user, new LotId(lotId));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("auction-protocol-" + lotId + ".pdf").build().toString())
                .body(pdf.render(html, "OpenETP · AUCTION · " + lotId));
    }
}
