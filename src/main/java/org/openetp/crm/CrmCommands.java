package org.openetp.crm;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.Decimals;

/** What the CRM API and its forms accept. Every field may be missing; the CRM names each invalid one. */
public final class CrmCommands {

    private CrmCommands() {
    }

    public record NewAccount(@Nullable String name, @Nullable String taxId, @Nullable String region,
            @Nullable BigDecimal purchaseVolume, @Nullable String marketRole, @Nullable Boolean reserved) {
    }

    public record NewContact(@Nullable UUID accountId, @Nullable String fullName, @Nullable String position,
            @Nullable String email, @Nullable String phone, @Nullable String role) {
    }

    /** {@code nextActionDate} as yyyy-MM-dd; a new deal needs its next action and the date for it. */
    public record NewDeal(@Nullable UUID accountId, @Nullable String title, @Nullable BigDecimal value,
            @Nullable String currency, @Nullable UUID ownerId, @Nullable String nextAction,
            @Nullable String nextActionDate) {
    }

    /** {@code nextActionDate} as yyyy-MM-dd. */
    public record MoveDeal(@Nullable String stage, @Nullable String reason, @Nullable String nextAction,
            @Nullable String nextActionDate) {
    }

    public record NewActivity(@Nullable UUID accountId, @Nullable UUID dealId, @Nullable String kind,
            @Nullable String note) {
    }

    public record AssignOwner(@Nullable String channel, @Nullable UUID ownerId) {
    }

    public record AdjustPlan(@Nullable Integer calls, @Nullable Integer meetings,
            @Decimals(integer = 4) @Nullable BigDecimal contracts,
            @Nullable String reason) {
    }

    public record ManagerProfile(@Nullable String channel, @Nullable Boolean headOffice, @Nullable Boolean head) {
    }

    public record ChangeSettings(@Nullable UUID serviceManager, @Nullable List<String> leadRegions) {
    }

    public record Decide(@Nullable UUID winnerId, @Nullable String reason) {
    }

    public record NewSupplier(@Nullable String name, @Nullable String contact, @Nullable String region,
            @Nullable String terms) {
    }

    public record NewQuote(@Nullable UUID supplierId, @Nullable String product, @Nullable String niche,
            @Decimals(integer = 15, fraction = 3) @Nullable BigDecimal volume, @Nullable String unit,
            @Nullable BigDecimal price,
            @Nullable String currency) {
    }

    public record NewCompetitor(@Nullable String name, @Nullable String advertising, @Nullable String visibility,
            @Nullable String website, @Nullable BigDecimal priceMin, @Nullable BigDecimal priceMax,
            @Nullable String currency, @Nullable String strengths, @Nullable String weaknesses) {
    }

    /** {@code since} as yyyy-MM-dd. */
    public record NewCompetitorClient(@Nullable String client, @Nullable String since) {
    }

    public record NewSegment(@Nullable String name, @Nullable String region, @Nullable BigDecimal volumeMin,
            @Nullable BigDecimal volumeMax, @Nullable String marketRole) {
    }

    /** {@code spentOn} as yyyy-MM-dd. */
    public record NewSpend(@Nullable String channel, @Nullable BigDecimal amount, @Nullable String spentOn,
            @Nullable String note) {
    }
}
