package org.openetp.procurement.tenders;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.domain.AlternativesPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.openetp.shared.Decimals;

/** Two-envelope price openings and alternative offers over the API (SPEC §5.1 items 5 and 9). */
@RestController
@RequestMapping("/api/v1/procedures/{id}")
class OfferStageApiController {

    record Offer(@Nullable String description, @Nullable BigDecimal price) {
    }

    record ReplaceAlternatives(@Nullable List<Offer> alternatives) {
    }

    record Decision(@Nullable Boolean admitted, @Nullable String reason) {
    }

    record Score(@Nullable String criterion, @Decimals(integer = 3, fraction = 3) @Nullable BigDecimal score) {
    }

    private final Envelopes envelopes;
    private final Alternatives alternatives;

    OfferStageApiController(Envelopes envelopes, Alternatives alternatives) {
        this.envelopes = envelopes;
        this.alternatives = alternatives;
    }

    /** The buyer opens the price envelopes of the technically compliant bids, once every bid is decided. */
    @PostMapping("/price-envelopes")
    PriceOpeningView openPrices(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return envelopes.openPrices(user, new ProcedureId(id));
    }

    /** Where the price opening stands (the buyer's side). */
    @GetMapping("/price-envelopes")
    PriceOpeningView priceOpening(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return envelopes.state(user, new ProcedureId(id));
    }

    /** The bidder replaces its alternative offers beside its bid on the lot (up to five), until the deadline. */
    @PutMapping("/lots/{lotId}/alternatives")
    List<AlternativeView> replace(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID lotId, @RequestBody ReplaceAlternatives body) {
        List<AlternativesPolicy.Offer> offers = body.alternatives() == null ? List.of()
                : body.alternatives().stream().map(o -> new AlternativesPolicy.Offer(o.description(), o.price()))
                        .toList();
        return alternatives.replace(user, new ProcedureId(id), new LotId(lotId), offers);
    }

    /** The lot's alternatives: the bidder's own at any time, all of them for the buyer's side after the opening. */
    @GetMapping("/lots/{lotId}/alternatives")
    List<AlternativeView> list(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID lotId) {
        return alternatives.list(user, new ProcedureId(id), new LotId(lotId));
    }

    /** The buyer admits an alternative or rejects it with a reason. */
    @PostMapping("/alternatives/{alternativeId}/decision")
    AlternativeView decide(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID alternativeId, @RequestBody Decision body) {
        return alternatives.decide(user, new ProcedureId(id), alternativeId, Boolean.TRUE.equals(body.admitted()),
                body.reason());
    }

    /** A committee member scores an alternative on a non-price criterion (0–10). */
    @PostMapping("/alternatives/{alternativeId}/scores")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void score(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID alternativeId,
            @RequestBody Score body) {
        alternatives.score(user, new ProcedureId(id), alternativeId, body.criterion(), body.score());
    }
}
