package org.openetp.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the deal board shows: six columns of cards with their counts, totals and weighted values. */
public final class PipelineViews {

    private PipelineViews() {
    }

    /** The board's filters; every one may be missing. {@code from}/{@code to} bound the deal's creation date. */
    public record Filter(@Nullable UUID owner, @Nullable Channel channel, @Nullable UUID segment,
            @Nullable LocalDate from, @Nullable LocalDate to, boolean mine) {

        static Filter none() {
            return new Filter(null, null, null, null, null, false);
        }

        /** The filters as a request names them; every invalid one is reported by name. */
        public static Filter parse(@Nullable UUID owner, @Nullable String channel, @Nullable UUID segment,
                @Nullable String from, @Nullable String to, @Nullable Boolean mine) {
            Checks checks = new Checks();
            Channel ch = checks.choice("channel", channel, Channel.class, false);
            LocalDate start = checks.date("from", from, false);
            LocalDate end = checks.date("to", to, false);
            checks.throwIfAny();
            return new Filter(owner, ch, segment, start, end, Boolean.TRUE.equals(mine));
        }

        /** Whether any filter is set (the page then offers to clear them). */
        public boolean any() {
            return owner != null || channel != null || segment != null || from != null || to != null || mine;
        }
    }

    /** A deal on the board, with the probability it counts at (its own, or its stage's). */
    public record Card(UUID id, String title, UUID accountId, String accountName, BigDecimal value, String currency,
            Stage stage, @Nullable UUID ownerId, @Nullable String ownerName, @Nullable Channel channel,
            @Nullable String nextAction, @Nullable LocalDate nextActionDate, long daysInStage, int probability,
            boolean ownProbability, @Nullable UUID procedureId) {

        /** The next action's date has passed. */
        public boolean overdue(LocalDate today) {
            return nextActionDate != null && nextActionDate.isBefore(today);
        }
    }

    /** A currency's total in a column, and that total weighted by each deal's probability. */
    public record Amount(String currency, BigDecimal total, BigDecimal weighted) {
    }

    /** One stage's column. */
    public record Column(Stage stage, int probability, long count, List<Amount> amounts, List<Card> cards) {
    }

    /** The whole board, with the stage probabilities it used. */
    public record Board(List<Column> columns, LocalDate today) {
    }

    /** A deal's own probability (none: it counts at its stage's) and its stage's. */
    public record DealProbability(@Nullable Integer own, int stage) {
    }

    /** A stage's probability of winning, in percent. */
    public record StageProbability(Stage stage, int percent, boolean adjusted) {
    }
}
