package org.openetp.procurement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openetp.procurement.BidId;
import org.openetp.procurement.Criterion;
import org.openetp.procurement.ProcedureKind;

/**
 * Ranks the admitted bids of a lot (SPEC §5.6). Quotations: the lowest price wins. Weighted kinds: price score =
 * weight × best price / price, every other criterion = weight × the committee's average (0–10) / 10; the highest
 * total wins. Ties go to the earlier submission.
 */
public final class Ranking {

    private static final BigDecimal TEN = BigDecimal.TEN;

    private Ranking() {
    }

    /** An admitted bid with what the ranking needs. */
    public record Candidate(BidId bid, BigDecimal price, Instant submittedAt, Map<String, BigDecimal> averageScores) {
    }

    /** A bid's place: 1 is the winner. {@code score} is the price for quotations, the weighted total otherwise. */
    public record Ranked(BidId bid, BigDecimal score, int rank) {
    }

    public static List<Ranked> rank(ProcedureKind kind, List<Criterion> criteria, List<Candidate> admitted) {
        if (admitted.isEmpty()) {
            return List.of();
        }
        List<Scored> scored = new ArrayList<>();
        if (kind.priceOnly()) {
            admitted.forEach(c -> scored.add(new Scored(c, c.price())));
            scored.sort(Comparator.comparing(Scored::score).thenComparing(s -> s.candidate().submittedAt()));
        } else {
            BigDecimal best = admitted.stream().map(Candidate::price).min(BigDecimal::compareTo).orElseThrow();
            admitted.forEach(c -> scored.add(new Scored(c, total(criteria, best, c))));
            scored.sort(Comparator.comparing(Scored::score).reversed()
                    .thenComparing(s -> s.candidate().submittedAt()));
        }
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            ranked.add(new Ranked(scored.get(i).candidate().bid(), scored.get(i).score(), i + 1));
        }
        return ranked;
    }

    static BigDecimal total(List<Criterion> criteria, BigDecimal bestPrice, Candidate c) {
        BigDecimal total = BigDecimal.ZERO;
        for (Criterion criterion : criteria) {
            BigDecimal part = criterion.price()
                    ? criterion.weight().multiply(bestPrice).divide(c.price(), 6, RoundingMode.HALF_UP)
                    : criterion.weight().multiply(c.averageScores().getOrDefault(criterion.code(), BigDecimal.ZERO))
                            .divide(TEN, 6, RoundingMode.HALF_UP);
            total = total.add(part);
        }
        return total.setScale(4, RoundingMode.HALF_UP);
    }

    private record Scored(Candidate candidate, BigDecimal score) {
    }
}
