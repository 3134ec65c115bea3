package org.openetp.analytics;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator's thresholds of the short-tender-period red flag, one per procedure kind (docs/indicators.md). */
@Service
class Thresholds {

    static final int MAX_DAYS = 365;

    private final FlagRepository repository;
    private final DailyTotals totals;

    Thresholds(FlagRepository repository, DailyTotals totals) {
        this.repository = repository;
        this.totals = totals;
    }

    @Transactional(readOnly = true)
    List<FlagRepository.Threshold> all() {
        return repository.thresholds();
    }

    /** Sets a kind's threshold; an unknown kind is 404, a missing or out-of-range number 400. */
    @Transactional
    FlagRepository.Threshold set(String kind, @Nullable Integer minDays) {
        if (minDays == null || minDays < 0 || minDays > MAX_DAYS) {
            throw new InvalidInputException("minDays", "analytics.threshold.range");
        }
        if (!repository.setThreshold(kind, minDays)) {
            throw new NotFoundException("Procedure kind");
        }
        // The daily totals counted short periods under the old threshold (a full pass: seconds at a large platform).
        totals.recomputeAll();
        return new FlagRepository.Threshold(kind, minDays);
    }
}
