package org.openetp.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidStatus;
import org.openetp.procurement.Criterion;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.persistence.SealedContents;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;

/** The rules of two-envelope tenders and alternative offers (SPEC §5.1 items 5 and 9), without Spring. */
class EnvelopesAndAlternativesPolicyTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final BigDecimal START = new BigDecimal("120000.00");

    @Test
    void theTechnicalEnvelopeKeepsTheProposalButNothingThatNamesThePrice() {
        BidContent content = BidContent.priced("ab", new ProcedureId(UUID.randomUUID()), new LotId(UUID.randomUUID()),
                new BigDecimal("90000"), "RUB", Map.of("delivery", "10 days"))
                .signed(new BidSignature("OpenETP bid\nprice: 90000.00\n", "MIIB...", "CN=Alpha", NOW));
        BidContent technical = content.technical();
        assertThat(technical.price()).isNull();
        assertThat(technical.signature()).isNull();
        assertThat(technical.proposal()).containsEntry("delivery", "10 days");
        assertThat(new String(SealedContents.write(technical), StandardCharsets.UTF_8)).doesNotContain("90000")
                .doesNotContain("Alpha");
        assertThat(content.price()).as("the price envelope keeps everything").isEqualByComparingTo("90000");
    }

    @Test
    void priceEnvelopesOpenOnlyInATwoEnvelopeEvaluationOnceAndWhenEveryBidIsDecided() {
        assertThatThrownBy(() -> EnvelopePolicy.requireCanOpenPrices(false, true, false, 0))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("envelope.notThisKind");
        assertThatThrownBy(() -> EnvelopePolicy.requireCanOpenPrices(true, true, false, 1))
                .hasMessageContaining("envelope.undecided");
        assertThatThrownBy(() -> EnvelopePolicy.requireCanOpenPrices(true, false, false, 0))
                .hasMessageContaining("envelope.notInEvaluation");
        assertThatThrownBy(() -> EnvelopePolicy.requireCanOpenPrices(true, true, true, 0))
                .hasMessageContaining("envelope.openedAlready");
        assertThatCode(() -> EnvelopePolicy.requireCanOpenPrices(true, true, false, 0)).doesNotThrowAnyException();
    }

    @Test
    void onlyCompliantBidsHaveTheirPriceEnvelopeOpened() {
        assertThat(EnvelopePolicy.priceEnvelopeOpens(BidStatus.ADMITTED)).isTrue();
        assertThat(List.of(BidStatus.REJECTED, BidStatus.SUBMITTED, BidStatus.WITHDRAWN))
                .noneMatch(EnvelopePolicy::priceEnvelopeOpens);
        assertThat(EnvelopePolicy.toOpen(List.of(BidStatus.ADMITTED, BidStatus.REJECTED, BidStatus.ADMITTED,
                BidStatus.SUBMITTED), s -> s)).containsExactly(BidStatus.ADMITTED, BidStatus.ADMITTED);
    }

    @Test
    void technicalDecisionsAreFinalOnceThePricesAreKnownAndTheAwardWaitsForThem() {
        assertThatThrownBy(() -> EnvelopePolicy.requireDecisionsOpen(true, true))
                .hasMessageContaining("envelope.decisionsFinal");
        assertThatCode(() -> EnvelopePolicy.requireDecisionsOpen(true, false)).doesNotThrowAnyException();
        assertThatCode(() -> EnvelopePolicy.requireDecisionsOpen(false, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EnvelopePolicy.requirePricesForAward(true, false))
                .hasMessageContaining("envelope.pricesSealed");
        assertThatCode(() -> EnvelopePolicy.requirePricesForAward(true, true)).doesNotThrowAnyException();
        assertThatCode(() -> EnvelopePolicy.requirePricesForAward(false, false)).doesNotThrowAnyException();
    }

    @Test
    void alternativesAreAtMostFiveEachWithADescriptionAndAPriceWithinTheStartPrice() {
        List<AlternativesPolicy.Offer> six = new ArrayList<>(Collections.nCopies(6,
                new AlternativesPolicy.Offer("Equivalent", new BigDecimal("90000.00"))));
        assertThatThrownBy(() -> AlternativesPolicy.validate(six, START, false))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::messageKey)
                        .containsExactly("alternative.tooMany"));
        assertThatCode(() -> AlternativesPolicy.validate(six.subList(0, 5), START, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> AlternativesPolicy.validate(List.of(new AlternativesPolicy.Offer(" ", null),
                new AlternativesPolicy.Offer("Dearer", new BigDecimal("130000.00")),
                new AlternativesPolicy.Offer("Odd", new BigDecimal("1.005"))), START, false))
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .extracting(FieldError::field, FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("alternatives[0].description", "field.required"),
                                org.assertj.core.groups.Tuple.tuple("alternatives[0].price", "field.required"),
                                org.assertj.core.groups.Tuple.tuple("alternatives[1].price", "bid.price.aboveStart"),
                                org.assertj.core.groups.Tuple.tuple("alternatives[2].price", "bid.price.invalid")));
        assertThatThrownBy(() -> AlternativesPolicy.validate(List.of(
                new AlternativesPolicy.Offer("Cheaper", new BigDecimal("100000.00"))), START, true))
                .as("in a sale an offer below the start price is refused").isInstanceOf(InvalidInputException.class);
    }

    @Test
    void alternativesNeedTheSettingAMainBidAReasonToRejectAndADecisionBeforeTheAward() {
        assertThatThrownBy(() -> AlternativesPolicy.requireAllowed(false))
                .hasMessageContaining("alternative.notThisKind");
        assertThatThrownBy(() -> AlternativesPolicy.requireMainBid(false))
                .hasMessageContaining("alternative.noMainBid");
        assertThatThrownBy(() -> AlternativesPolicy.requireReason(false, "  "))
                .isInstanceOf(InvalidInputException.class);
        assertThatCode(() -> AlternativesPolicy.requireReason(true, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> AlternativesPolicy.requireDecided(1)).hasMessageContaining("award.undecidedBids");
        assertThatCode(() -> AlternativesPolicy.requireDecided(0)).doesNotThrowAnyException();
    }

    @Test
    void anAlternativeIsRankedAmongTheBidsAndCanWin() {
        BidId main = new BidId(UUID.randomUUID());
        BidId other = new BidId(UUID.randomUUID());
        BidId alternative = new BidId(UUID.randomUUID());
        List<Criterion> criteria = List.of(new Criterion("price", new BigDecimal("80")),
                new Criterion("delivery", new BigDecimal("20")));
        List<Ranking.Ranked> ranked = Ranking.rank(ProcedureKind.ALTERNATIVES_TENDER, criteria, List.of(
                new Ranking.Candidate(main, new BigDecimal("100000"), NOW, Map.of()),
                new Ranking.Candidate(other, new BigDecimal("95000"), NOW.plusSeconds(1), Map.of()),
                new Ranking.Candidate(alternative, new BigDecimal("85000"), NOW, Map.of("delivery", BigDecimal.TEN))));
        assertThat(ranked).extracting(Ranking.Ranked::bid).containsExactly(alternative, other, main);
        assertThat(ranked.getFirst().score()).isEqualByComparingTo("100");
    }

    @Test
    void bothKindsRunEndToEndAndTheirSwitchesAreRefusedForAuctionsAndNegotiations() {
        ProcedureSettings both = new ProcedureSettings(false, false, false, false, null, false, null, true, false, 0,
                true, null, false);
        List<FieldError> errors = new ArrayList<>();
        TenderRules.preset(ProcedureKind.COMPETITIVE_NEGOTIATIONS, both, Map.of(), NOW.plusSeconds(86_400), NOW,
                errors);
        assertThat(errors).extracting(FieldError::field)
                .contains("settings.twoEnvelope", "settings.alternativesAllowed");
        errors.clear();
        TenderRules.preset(ProcedureKind.OPEN_TENDER, both, Map.of(), NOW.plusSeconds(86_400), NOW, errors);
        assertThat(errors).isEmpty();
    }
}
