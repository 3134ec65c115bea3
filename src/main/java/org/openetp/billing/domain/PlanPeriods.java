package org.openetp.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import org.openetp.billing.PlanLimits;
import org.openetp.billing.ProcedureFamilies;
import org.openetp.shared.Money;

/**
 * Where a newly paid plan goes among the plans an organization has (SPEC §4.3). A plan bought while another is paid
 * for starts when the last paid period ends, so periods never overlap. The one exception is an upgrade: a plan
 * <em>larger</em> than the one in effect, with nothing queued after it, starts at once; the plan in effect ends then,
 * and its unused whole days are credited back pro rata.
 */
public final class PlanPeriods {

    private PlanPeriods() {
    }

    /**
     * Whether {@code candidate} is larger than {@code current}: it allows everything the current plan allows and
     * strictly more. Families rank AUCTIONS below ALL; a lot price cap ranks by its amount, no cap above any cap.
     * Caps in different currencies cannot be compared (lots are not converted), so such a plan is never larger.
     * A plan with the same limits (a longer period, another price) is not larger: it queues.
     */
    public static boolean larger(PlanLimits candidate, String candidateCurrency, PlanLimits current,
            String currentCurrency) {
        int families = Integer.compare(rank(candidate.families()), rank(current.families()));
        BigDecimal candidateCap = candidate.maxLotStartPrice();
        BigDecimal currentCap = current.maxLotStartPrice();
        int caps;
        if (candidateCap == null || currentCap == null) {
            caps = Boolean.compare(candidateCap == null, currentCap == null);
        } else if (!candidateCurrency.equals(currentCurrency)) {
            return false;
        } else {
            caps = candidateCap.compareTo(currentCap);
        }
        return families >= 0 && caps >= 0 && (families > 0 || caps > 0);
    }

    /**
     * The unused part of a plan ended at {@code now}: whole days left until its end (a day begun counts as used),
     * at most the period, and {@code price × unusedDays ÷ periodDays} rounded down to the currency's minor unit (so
     * the credit never exceeds what was paid).
     */
    public static Credit credit(Money price, int periodDays, Instant endsAt, Instant now) {
        long left = now.isBefore(endsAt) ? Duration.between(now, endsAt).toDays() : 0;
        long unused = Math.min(left, periodDays);
        BigDecimal amount = price.amount().multiply(BigDecimal.valueOf(unused))
                .divide(BigDecimal.valueOf(periodDays), Money.scaleOf(price.currency()), RoundingMode.DOWN);
        return new Credit(unused, Money.of(amount, price.currency()));
    }

    /** Days not used and the money they are worth. */
    public record Credit(long unusedDays, Money amount) {
    }

    private static int rank(ProcedureFamilies families) {
        return switch (families) {
            case AUCTIONS -> 0;
            case ALL -> 1;
        };
    }
}
