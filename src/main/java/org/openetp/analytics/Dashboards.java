package org.openetp.analytics;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What each dashboard and its API answer carry. */
public final class Dashboards {

    private Dashboards() {
    }

    /** A buyer organization's figures with its series. */
    public record Buyer(@JsonUnwrapped Figures figures, List<Figures.Month> savingsPerMonth,
            List<Figures.Category> topCategories, List<Figures.Organization> supplierConcentration,
            List<Figures.ProcedureSavings> savingsPerProcedure) {
    }

    /** The platform's figures, for the operator. */
    public record Platform(@JsonUnwrapped Figures figures, long organizations, List<Figures.Day> proceduresPerDay,
            List<Figures.Category> topCategories, List<Figures.Revenue> tariffRevenue) {
    }

    /** A supplier organization's figures. */
    public record Supplier(java.time.LocalDate from, java.time.LocalDate to, @Nullable String category, long bids, long wins,
            @Nullable Double winRate, long buyersServed, @Nullable Double disqualificationRatio,
            List<Figures.Amount> revenue, List<CategoryLine> byCategory, List<Figures.Organization> lostTo) {
    }

    /** A supplier's figures in one category and currency. */
    public record CategoryLine(String code, String name, String currency, long bids, long wins, @Nullable Double winRate,
            BigDecimal revenue) {
    }
}
