package org.openetp.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.BidId;
import org.openetp.procurement.Criterion;
import org.openetp.procurement.ProcedureKind;

class RankingTest {

    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    static final List<Criterion> WEIGHTED = List.of(new Criterion("price", new BigDecimal("60")),
            new Criterion("delivery", new BigDecimal("25")), new Criterion("warranty", new BigDecimal("15")));

    @Test
    void quotationsGoToTheLowestPrice() {
        Ranking.Candidate a = candidate("900.00", 0, Map.of());
        Ranking.Candidate b = candidate("850.00", 1, Map.of());
        Ranking.Candidate c = candidate("990.00", 2, Map.of());

        List<Ranking.Ranked> ranked = Ranking.rank(ProcedureKind.REQUEST_FOR_QUOTATIONS, List.of(), List.of(a, b, c));

        assertThat(ranked).extracting(Ranking.Ranked::bid).containsExactly(b.bid(), a.bid(), c.bid());
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 2, 3);
    }

    @Test
    void anEqualPriceGoesToTheEarlierSubmission() {
        Ranking.Candidate later = candidate("850.00", 5, Map.of());
        Ranking.Candidate earlier = candidate("850.00", 1, Map.of());

        List<Ranking.Ranked> ranked = Ranking.rank(ProcedureKind.REQUEST_FOR_QUOTATIONS, List.of(),
                List.of(later, earlier));

        assertThat(ranked.getFirst().bid()).isEqualTo(earlier.bid());
    }

    @Test
    void weightsPriceByBestOverOwnAndTheOtherCriteriaByTheCommitteeAverage() {
        // Cheapest: 60 × 800/800 + 25 × 5/10 + 15 × 4/10 = 60 + 12.5 + 6 = 78.5
        Ranking.Candidate cheap = candidate("800.00", 0, Map.of("delivery", new BigDecimal("5"),
                "warranty", new BigDecimal("4")));
        // Better service: 60 × 800/1000 + 25 × 10/10 + 15 × 9/10 = 48 + 25 + 13.5 = 86.5
        Ranking.Candidate good = candidate("1000.00", 1, Map.of("delivery", new BigDecimal("10"),
                "warranty", new BigDecimal("9")));

        List<Ranking.Ranked> ranked = Ranking.rank(ProcedureKind.OPEN_TENDER, WEIGHTED, List.of(cheap, good));

        assertThat(ranked.get(0).bid()).isEqualTo(good.bid());
        assertThat(ranked.get(0).score()).isEqualByComparingTo("86.5");
        assertThat(ranked.get(1).score()).isEqualByComparingTo("78.5");
    }

    @Test
    void aCriterionNobodyScoredCountsAsZero() {
        Ranking.Candidate unscored = candidate("800.00", 0, Map.of());

        List<Ranking.Ranked> ranked = Ranking.rank(ProcedureKind.REQUEST_FOR_PROPOSALS, WEIGHTED, List.of(unscored));

        assertThat(ranked.getFirst().score()).isEqualByComparingTo("60");
    }

    @Test
    void equalTotalsGoToTheEarlierSubmission() {
        Ranking.Candidate later = candidate("800.00", 9, Map.of("delivery", BigDecimal.TEN));
        Ranking.Candidate earlier = candidate("800.00", 3, Map.of("delivery", BigDecimal.TEN));

        List<Ranking.Ranked> ranked = Ranking.rank(ProcedureKind.OPEN_TENDER, WEIGHTED, List.of(later, earlier));

        assertThat(ranked.getFirst().bid()).isEqualTo(earlier.bid());
    }

    @Test
    void nothingAdmittedRanksNothing() {
        assertThat(Ranking.rank(ProcedureKind.OPEN_TENDER, WEIGHTED, List.of())).isEmpty();
    }

    private static Ranking.Candidate candidate(String price, int minutes, Map<String, BigDecimal> scores) {
        return new Ranking.Candidate(BidId.random(), new BigDecimal(price), T.plusSeconds(60L * minutes), scores);
    }
}
