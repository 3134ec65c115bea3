package org.openetp.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A program with its current rules, as its seller sees it (and as the API answers). */
public record ProgramView(UUID id, UUID sellerId, String seller, String name, String currency, LocalDate startsOn,
        @Nullable LocalDate endsOn, int rulesVersion, BigDecimal pointsPerUnit, BigDecimal cashbackPercent,
        String expiry, String lockPeriod, Map<String, BigDecimal> categoryRates, List<Tier> tiers,
        Instant rulesValidFrom) {

    /** The category rates as the program form shows them: one "code rate" per line. */
    public String categoryRatesText() {
        StringBuilder text = new StringBuilder();
        categoryRates.forEach((code, rate) -> text.append(code).append(' ')
                .append(rate.stripTrailingZeros().toPlainString()).append('\n'));
        return text.toString();
    }

    /** Whether the program runs on {@code day}. */
    public boolean runsOn(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }
}
