package org.openetp.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.CrmService.Ctx;
import org.openetp.crm.PipelineViews.Amount;
import org.openetp.crm.PipelineViews.Board;
import org.openetp.crm.PipelineViews.Card;
import org.openetp.crm.PipelineViews.Column;
import org.openetp.crm.PipelineViews.Filter;
import org.openetp.crm.PipelineViews.StageProbability;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.FieldError;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deal board: six stage columns, each with its count, total per currency and value weighted by the probability
 * of winning (the stage's, as the head set it or by default, or the deal's own).
 */
@Service
@Transactional
public class Pipeline {

    private final CrmService crm;
    private final CrmStore deals;
    private final PipelineStore store;
    private final Clock clock;

    Pipeline(CrmService crm, CrmStore deals, PipelineStore store, Clock clock) {
        this.crm = crm;
        this.deals = deals;
        this.store = store;
        this.clock = clock;
    }

    /** The board under the filters; a segment of another organization matches nothing. */
    public Board board(CurrentUser user, @Nullable UUID org, Filter filter) {
        Ctx ctx = crm.context(user, org);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<Stage, Integer> probabilities = effective(ctx.org());
        Map<Stage, List<Card>> byStage = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            byStage.put(s, new ArrayList<>());
        }
        for (Card card : store.cards(ctx.org(), filter, ctx.me().userId(), probabilities, today)) {
            byStage.get(card.stage()).add(card);
        }
        List<Column> columns = new ArrayList<>();
        byStage.forEach((stage, cards) -> columns.add(new Column(stage, probabilities.get(stage), cards.size(),
                amounts(cards), List.copyOf(cards))));
        return new Board(columns, today);
    }

    /** Per currency, in the order first met: the total and the probability-weighted total. */
    static List<Amount> amounts(List<Card> cards) {
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        for (Card c : cards) {
            BigDecimal[] sum = sums.computeIfAbsent(c.currency(), k -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO});
            sum[0] = sum[0].add(c.value());
            sum[1] = sum[1].add(c.value().multiply(BigDecimal.valueOf(c.probability())));
        }
        List<Amount> amounts = new ArrayList<>();
        sums.forEach((currency, sum) -> amounts.add(new Amount(currency, sum[0],
                sum[1].divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP))));
        return amounts;
    }

    public List<StageProbability> probabilities(CurrentUser user, @Nullable UUID org) {
        Ctx ctx = crm.context(user, org);
        Map<Stage, Integer> set = store.probabilities(ctx.org());
        return List.of(Stage.values()).stream().map(s -> new StageProbability(s,
                set.getOrDefault(s, s.defaultProbability()), set.containsKey(s))).toList();
    }

    /** The head sets the probability of stages (percent, 0 to 100); stages not named keep theirs. */
    public List<StageProbability> adjustProbabilities(CurrentUser user, @Nullable UUID org,
            Map<String, Integer> percents) {
        Ctx ctx = crm.context(user, org);
        if (!ctx.head()) {
            throw new ForbiddenException("crm.headOnly");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<Stage, Integer> valid = new EnumMap<>(Stage.class);
        percents.forEach((name, percent) -> {
            Stage stage = stage(name);
            if (stage == null) {
                errors.add(new FieldError(name, "crm.field.unknownChoice"));
            } else if (percent == null || percent < 0 || percent > 100) {
                errors.add(new FieldError(name, "crm.probability.range"));
            } else {
                valid.put(stage, percent);
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        valid.forEach((stage, percent) -> store.saveProbability(ctx.org(), stage, percent));
        return probabilities(user, ctx.org());
    }

    /** A deal's own probability (its owner or the head), or none to count at its stage's again. */
    public void overrideProbability(CurrentUser user, UUID dealId, @Nullable Integer percent) {
        Ctx ctx = crm.owning(user, deals.dealOrganization(dealId));
        Deal deal = deals.deal(ctx.org(), dealId).orElseThrow(() -> new NotFoundException("Deal"));
        if (!ctx.head() && !ctx.me().userId().equals(deal.ownerId())) {
            throw new ForbiddenException("crm.deal.notYours");
        }
        if (percent != null && (percent < 0 || percent > 100)) {
            throw new InvalidInputException("probability", "crm.probability.range");
        }
        store.saveDealProbability(ctx.org(), dealId, percent);
    }

    /** The probability a deal counts at on the board: its own, if set, else its stage's. */
    public PipelineViews.DealProbability probabilityOf(CurrentUser user, UUID dealId) {
        Ctx ctx = crm.owning(user, deals.dealOrganization(dealId));
        Deal deal = deals.deal(ctx.org(), dealId).orElseThrow(() -> new NotFoundException("Deal"));
        return new PipelineViews.DealProbability(store.dealProbability(ctx.org(), dealId),
                effective(ctx.org()).get(deal.stage()));
    }

    private Map<Stage, Integer> effective(UUID org) {
        Map<Stage, Integer> set = store.probabilities(org);
        Map<Stage, Integer> all = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            all.put(s, set.getOrDefault(s, s.defaultProbability()));
        }
        return all;
    }

    private static @Nullable Stage stage(String name) {
        try {
            return Stage.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
