package org.openetp.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;

/** The rules of re-bidding and framework tenders (SPEC §5.1 items 6 and 8), without Spring. */
class TenderPoliciesTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aRebiddingRoundIsHeldOnlyWithTwoAdmittedBidsAndNoUndecidedOne() {
        assertThatThrownBy(() -> RebiddingPolicy.requireCanStart(0, 1, NOW.plusSeconds(3600), NOW))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("rebid.tooFewAdmitted");
        assertThatThrownBy(() -> RebiddingPolicy.requireCanStart(1, 2, NOW.plusSeconds(3600), NOW))
                .hasMessageContaining("award.undecidedBids");
        assertThatThrownBy(() -> RebiddingPolicy.requireCanStart(0, 2, NOW, NOW))
                .isInstanceOf(InvalidInputException.class);
        assertThatCode(() -> RebiddingPolicy.requireCanStart(0, 2, NOW.plusSeconds(3600), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void aRebidMayOnlyLowerThePriceBeforeTheDeadline() {
        BigDecimal current = new BigDecimal("95000.00");
        assertThatThrownBy(() -> RebiddingPolicy.requireImproves(current, new BigDecimal("96000.00")))
                .hasMessageContaining("rebid.priceNotImproved");
        assertThatThrownBy(() -> RebiddingPolicy.requireImproves(current, new BigDecimal("95000.00")))
                .as("the same price is no improvement").hasMessageContaining("rebid.priceNotImproved");
        assertThatCode(() -> RebiddingPolicy.requireImproves(current, new BigDecimal("94999.99")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> RebiddingPolicy.requireOpen(NOW, NOW)).hasMessageContaining("rebid.late");
        assertThatCode(() -> RebiddingPolicy.requireOpen(NOW.plusSeconds(1), NOW)).doesNotThrowAnyException();
    }

    @Test
    void aFrameworkSelectsTheBestRankedUpToItsSizeAndCallOffsStayInside() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        List<FrameworkPolicy.Ranked> selected = FrameworkPolicy.select(List.of(new FrameworkPolicy.Ranked(third, 3),
                new FrameworkPolicy.Ranked(first, 1), new FrameworkPolicy.Ranked(second, 2)), 2);
        assertThat(selected).extracting(FrameworkPolicy.Ranked::organization).containsExactly(first, second);
        List<UUID> members = List.of(first, second);
        assertThatCode(() -> FrameworkPolicy.requireMember(members, second)).doesNotThrowAnyException();
        assertThatThrownBy(() -> FrameworkPolicy.requireMember(members, third))
                .hasMessageContaining("calloff.notInFramework");
    }
}
