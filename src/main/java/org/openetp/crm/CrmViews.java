package org.openetp.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the CRM API answers and its pages show: plain records, never the aggregates. */
public final class CrmViews {

    private CrmViews() {
    }

    /** A sales-team member's CRM profile and daily plan. */
    public record ManagerView(UUID userId, String fullName, String channel, boolean headOffice, boolean head,
            int planCalls, int planMeetings, BigDecimal planContracts, @Nullable String planReason) {
    }

    /** The organization's CRM settings: who takes clients over for service, and the regions leads come from. */
    public record SettingsView(@Nullable UUID serviceManager, List<String> leadRegions) {
    }

    /**
     * An account in a list. {@code owners} reads "CHANNEL: name" per current owner (kept for existing clients);
     * {@code ownerDetails} tells the same owners field by field.
     */
    public record AccountView(UUID id, String name, @Nullable String taxId, @Nullable UUID linkedOrganizationId,
            @Nullable String region, @Nullable BigDecimal purchaseVolume, @Nullable String marketRole,
            boolean reserved, @Nullable UUID finderId, @Nullable String finderName, @Nullable String finderChannel,
            @Nullable Instant foundAt, List<String> owners, Instant createdAt, List<Owner> ownerDetails) {

        /** The same account with its owners' channels named in the reader's language. */
        AccountView labelled(java.util.function.Function<String, String> channelLabel) {
            return new AccountView(id, name, taxId, linkedOrganizationId, region, purchaseVolume, marketRole,
                    reserved, finderId, finderName, finderChannel, foundAt, owners, createdAt, ownerDetails.stream()
                    .map(o -> new Owner(o.channel(), channelLabel.apply(o.channel()), o.userId(), o.managerName()))
                    .toList());
        }
    }

    /** A current owner of an account: his channel (code and label), his user id and name. */
    public record Owner(String channel, @Nullable String channelLabel, UUID userId, String managerName) {
    }

    /** An account with its ledger, contacts, deals and activities. */
    public record AccountDetail(AccountView account, List<OwnershipView> ledger, List<ContactView> contacts,
            List<DealView> deals, List<ActivityView> activities) {
    }

    /** One line of an account's ownership ledger. */
    public record OwnershipView(String channel, UUID ownerId, String ownerName, Instant from, @Nullable Instant to,
            String reason) {
    }

    public record ContactView(UUID id, UUID accountId, String accountName, String fullName,
            @Nullable String position, @Nullable String email, @Nullable String phone, String role) {
    }

    public record DealView(UUID id, UUID accountId, String accountName, String title, BigDecimal value,
            String currency, String stage, @Nullable UUID ownerId, @Nullable String ownerName,
            @Nullable String channel, @Nullable UUID procedureId, @Nullable String lostReason,
            @Nullable String nextAction, @Nullable LocalDate nextActionDate, @Nullable Instant wonAt,
            Instant createdAt) {
    }

    /** A deal with every move it made. */
    public record DealDetail(DealView deal, List<MoveView> history) {
    }

    public record MoveView(@Nullable String from, String to, @Nullable UUID by, @Nullable String byName, Instant at,
            @Nullable String note) {
    }

    public record ActivityView(UUID id, UUID accountId, String accountName, @Nullable UUID dealId, UUID managerId,
            String managerName, String channel, String kind, @Nullable String note, Instant at) {
    }

    /** One manager on the head's board: today's plan against what was done, and the workload. */
    public record BoardRow(UUID managerId, String fullName, String channel, int planCalls, long calls,
            int planMeetings, long meetings, BigDecimal planContracts, long contracts, long emails, long proposals,
            long openDeals, long activitiesToday) {
    }

    /** A conflict case with each manager's contribution to the account side by side. */
    public record ConflictView(UUID id, UUID accountId, String accountName, String status, Instant openedAt,
            @Nullable UUID winnerId, @Nullable String winnerName, @Nullable String winnerChannel,
            @Nullable String reason, @Nullable Instant decidedAt, List<Contribution> contributions) {
    }

    public record Contribution(UUID managerId, String fullName, String channel, long activities, long deals,
            BigDecimal dealValue) {
    }

    public record SupplierView(UUID id, String name, @Nullable String contact, @Nullable String region,
            @Nullable String terms, long quotes) {
    }

    public record QuoteView(UUID id, UUID supplierId, String supplierName, String product, String niche,
            BigDecimal volume, String unit, BigDecimal price, String currency) {
    }

    /** The market's price fork for a product: its lowest and highest unit price quoted, and who quoted the lowest. */
    public record PriceFork(String product, String niche, String currency, BigDecimal min, BigDecimal max,
            long quotes, String cheapestSupplier) {
    }

    /**
     * A niche's margin when buying at the bottom of each product's fork and selling at its top: (max - min) / max
     * summed over the niche's products, as a percentage.
     */
    public record NicheMargin(String niche, String currency, long products, BigDecimal marginPercent) {
    }

    public record CompetitorView(UUID id, String name, @Nullable String advertising, @Nullable String visibility,
            @Nullable String website, @Nullable BigDecimal priceMin, @Nullable BigDecimal priceMax,
            @Nullable String currency, String strengths, @Nullable String weaknesses,
            List<CompetitorClient> clients) {
    }

    /** A client a competitor serves, since when, and for how many months by now. */
    public record CompetitorClient(String client, LocalDate since, long months) {
    }

    /** A segment's rules with the number of accounts matching them now. */
    public record SegmentView(UUID id, String name, @Nullable String region, @Nullable BigDecimal volumeMin,
            @Nullable BigDecimal volumeMax, @Nullable String marketRole, long accounts) {
    }

    public record SpendView(UUID id, String channel, BigDecimal amount, LocalDate spentOn, @Nullable String note) {
    }

    /**
     * A channel's economics: what was spent on it, the clients it brought (accounts it found that bought), the
     * cost of each, and its share of won sales.
     */
    public record ChannelEconomics(String channel, BigDecimal spend, long clients, @Nullable BigDecimal costPerClient,
            BigDecimal wonValue, BigDecimal sharePercent) {
    }

    /** Every channel's economics, and the passive (inbound) share of sales as the measure of brand awareness. */
    public record Economics(List<ChannelEconomics> channels, BigDecimal passiveSharePercent) {
    }

    /** A CSV import's outcome: the rows taken in, and every refused row with its line number and reason. */
    public record ImportReport(int imported, List<Rejected> rejected) {
    }

    /** A refused row: its line in the file, the field at fault and the reason (a message key, and its text). */
    public record Rejected(int line, String field, String reason, @Nullable String message) {
    }
}
