package org.openetp.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.analytics.FlagRepository.FlagLot;
import org.openetp.analytics.FlagRepository.Quartiles;
import org.openetp.analytics.FlagRepository.Share;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integrity red flags in the spirit of the Open Contracting Partnership's red-flag guide (rules and thresholds in
 * docs/indicators.md), each with the evidence that raised it. A flag is a reason to look, never a verdict.
 */
@Service
@Transactional(readOnly = true)
class RedFlags {

    /** Fewest values an interquartile-range fence is drawn from; below it nothing is called an outlier. */
    static final int MIN_SAMPLE = 5;
    /** Fewest opened bids before a supplier that never won is called a possible cover bidder. */
    static final int COVER_BIDS = 5;
    /** Fewest bids before an organization's disqualification share is compared with the others'. */
    static final int MIN_BIDS = 3;

    private final FlagRepository repository;
    private final MessageSource messages;

    RedFlags(FlagRepository repository, MessageSource messages) {
        this.repository = repository;
        this.messages = messages;
    }

    /** The flags of a procedure, by lot. */
    List<RedFlag> ofProcedure(UUID procedure, Locale locale) {
        return flagsOf(repository.lots(procedure), new HashMap<>(), locale);
    }

    /** The flags of one procedure's lots; {@code margins} keeps each category's quartiles for the next procedure. */
    private List<RedFlag> flagsOf(List<FlagLot> lots, Map<String, Quartiles> margins, Locale locale) {
        List<RedFlag> flags = new ArrayList<>();
        if (!lots.isEmpty()) {
            FlagLot first = lots.getFirst();
            Duration period = Duration.between(first.published(), first.deadline());
            if (period.compareTo(Duration.ofDays(first.minDays())) < 0) {
                flags.add(flag("SHORT_TENDER_PERIOD", locale, number(period.toMinutes() / 1440d, 1, locale),
                        first.minDays()));
            }
        }
        for (FlagLot lot : lots) {
            lotFlags(lot, flags, margins, locale);
        }
        return flags;
    }

    private void lotFlags(FlagLot lot, List<RedFlag> flags, Map<String, Quartiles> margins, Locale locale) {
        if (lot.opened() && !lot.byInvitation() && lot.bids() == 1) {
            flags.add(flag("SINGLE_BIDDER", locale, lot.number()));
        }
        if ("AWARDED".equals(lot.status()) && lot.bids() >= 2 && lot.rejected() == lot.bids() - 1) {
            flags.add(flag("ALL_OTHERS_DISQUALIFIED", locale, lot.number(), lot.rejected(), lot.bids()));
        }
        if (lot.lowestRejected()) {
            flags.add(flag("LOWEST_BID_DISQUALIFIED", locale, lot.number()));
        }
        if (lot.award() != null && lot.second() != null && lot.award().signum() > 0) {
            double margin = lot.second().subtract(lot.award()).abs()
                    .divide(lot.award(), 6, RoundingMode.HALF_UP).doubleValue();
            Quartiles q = margins.computeIfAbsent(lot.category(), repository::marginQuartiles);
            if (q.size() >= MIN_SAMPLE && margin > 0 && margin > q.fence()) {
                flags.add(flag("WINNER_MARGIN_OUTLIER", locale, lot.number(), percent(margin, locale),
                        percent(q.fence(), locale), percent(q.q1(), locale), percent(q.q3(), locale), q.size()));
            }
        }
    }

    /** The flags of an organization as supplier (cover bidding, disqualifications) and as buyer. */
    List<RedFlag> ofOrganization(UUID organization, Locale locale) {
        List<RedFlag> flags = new ArrayList<>();
        Share wins = repository.wins(organization);
        if (wins.bids() >= COVER_BIDS && wins.rejected() == 0) {
            flags.add(flag("COVER_BIDDING", locale, wins.bids()));
        }
        outlier(organization, false, "SUPPLIER_DISQUALIFICATION_OUTLIER", flags, locale);
        outlier(organization, true, "BUYER_DISQUALIFICATION_OUTLIER", flags, locale);
        return flags;
    }

    private void outlier(UUID organization, boolean asBuyer, String code, List<RedFlag> flags, Locale locale) {
        Share share = repository.disqualification(organization, asBuyer);
        if (share.bids() < MIN_BIDS || share.rejected() == 0) {
            return;
        }
        Quartiles q = repository.disqualificationQuartiles(asBuyer, MIN_BIDS);
        if (q.size() >= MIN_SAMPLE && share.value() > q.fence()) {
            flags.add(flag(code, locale, share.rejected(), share.bids(), percent(share.value(), locale),
                    percent(q.fence(), locale), q.size()));
        }
    }

    /** The newest flagged procedures of a buyer (or of the platform), each with its flags. */
    List<FlaggedProcedure> flagged(@Nullable UUID buyer, int limit, Locale locale) {
        List<FlaggedProcedure> out = new ArrayList<>();
        List<UUID> candidates = repository.candidates(buyer, limit * 3);
        // One query for every candidate's lots, and each category's quartiles once (not one of each per procedure).
        Map<UUID, List<FlagLot>> lots = repository.lots(candidates).stream()
                .collect(Collectors.groupingBy(FlagLot::procedure));
        Map<String, Quartiles> margins = new HashMap<>();
        for (UUID id : candidates) {
            List<RedFlag> flags = flagsOf(lots.getOrDefault(id, List.of()), margins, locale);
            if (!flags.isEmpty()) {
                out.add(new FlaggedProcedure(id, flags));
            }
            if (out.size() == limit) {
                break;
            }
        }
        return out;
    }

    private RedFlag flag(String code, Locale locale, Object... args) {
        return new RedFlag(code, messages.getMessage("analytics.flag." + code, null, locale),
                messages.getMessage("analytics.flag." + code + ".evidence", args, locale));
    }

    private static String percent(double fraction, Locale locale) {
        return number(fraction * 100, 1, locale);
    }

    private static String number(double value, int digits, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP));
    }
}
