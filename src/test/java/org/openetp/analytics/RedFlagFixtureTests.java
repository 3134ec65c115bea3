package org.openetp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openetp.analytics.Facts.LotState;
import org.openetp.analytics.FixtureLots.Bid;
import org.openetp.procurement.ProcedureKind;
import org.openetp.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The red flags of docs/indicators.md on hand-made lots of a category of their own: the winner's margin judged by
 * the interquartile-range fence of its category, every other bid disqualified, the best price disqualified on price
 * only, and a supplier that bids often and never wins. Each comes with its evidence; clean lots raise nothing.
 */
@IntegrationTest
class RedFlagFixtureTests {

    @Autowired
    ReadModelStore store;

    @Autowired
    RedFlags flags;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void eachFlagIsRaisedByItsRuleWithItsEvidence() {
        FixtureLots fx = new FixtureLots(Instant.parse("2021-05-03T09:00:00Z"),
                "Y" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID cover = UUID.randomUUID();
        // Six awarded lots at 100 whose next bids are 1, 2, 2, 3, 3 and 50 % away, and the quotation below whose next
        // bid is 10/120 = 8.33 % away: seven margins, Q1 2 %, Q3 (3 + 8.33) / 2 = 5.67 %, fence Q3 + 1.5 × IQR = 11.17 %.
        List<Facts> margins = new ArrayList<>();
        for (String second : new String[] {"101", "102", "102", "103", "103", "150"}) {
            margins.add(fx.lot(ProcedureKind.OPEN_TENDER, "RUB", 0, 20, 20, 22, null, LotState.AWARDED, "200", "100",
                    List.of(new Bid(a, "100", false, true, false), new Bid(b, second, false, false, false),
                            new Bid(cover, "190", false, false, false))));
        }
        Facts othersOut = fx.lot(ProcedureKind.OPEN_TENDER, "RUB", 0, 20, 20, 22, null, LotState.AWARDED, "200",
                "180", List.of(new Bid(a, "180", false, true, false), new Bid(b, "150", true, false, false),
                        new Bid(c, "160", true, false, false)));
        Facts lowestOut = fx.lot(ProcedureKind.REQUEST_FOR_QUOTATIONS, "RUB", 0, 7, 7, 8, null, LotState.AWARDED,
                "200", "120", List.of(new Bid(a, "120", false, true, false), new Bid(c, "110", true, false, false),
                        new Bid(cover, "130", false, false, false)));
        transactions.executeWithoutResult(s -> store.replace(fx.facts.stream().map(Facts::procedure).toList(),
                fx.facts));

        assertThat(codes(margins.get(5))).containsExactly("WINNER_MARGIN_OUTLIER");
        assertThat(flags.ofProcedure(margins.get(5).procedure().value(), Locale.ENGLISH).getFirst().evidence())
                .contains("50.0 %", "11.2 %", "Q1 2.0 %", "Q3 5.7 %", "7 lots");
        for (Facts clean : margins.subList(0, 5)) {
            assertThat(codes(clean)).isEmpty();
        }
        assertThat(codes(othersOut)).containsExactly("ALL_OTHERS_DISQUALIFIED");
        assertThat(flags.ofProcedure(othersOut.procedure().value(), Locale.ENGLISH).getFirst().evidence())
                .contains("2 of 3 bids");
        assertThat(codes(lowestOut)).containsExactly("LOWEST_BID_DISQUALIFIED");
        // Seven opened bids, none won: a possible cover bidder; the winner is not one.
        assertThat(flags.ofOrganization(cover, Locale.ENGLISH)).extracting(RedFlag::code).contains("COVER_BIDDING");
        assertThat(flags.ofOrganization(a, Locale.ENGLISH)).extracting(RedFlag::code).doesNotContain("COVER_BIDDING");
        // The buyer's list holds exactly the flagged procedures.
        assertThat(flags.flagged(fx.buyer, 50, Locale.ENGLISH)).extracting(FlaggedProcedure::procedure)
                .containsExactlyInAnyOrder(margins.get(5).procedure().value(), othersOut.procedure().value(),
                        lowestOut.procedure().value());
    }

    private List<String> codes(Facts procedure) {
        return flags.ofProcedure(procedure.procedure().value(), Locale.ENGLISH).stream().map(RedFlag::code).toList();
    }
}
