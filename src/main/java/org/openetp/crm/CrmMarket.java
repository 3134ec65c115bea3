package org.openetp.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Classifier;
import org.openetp.crm.CrmService.Ctx;
import org.openetp.crm.CrmCommands.NewCompetitor;
import org.openetp.crm.CrmCommands.NewCompetitorClient;
import org.openetp.crm.CrmCommands.NewQuote;
import org.openetp.crm.CrmCommands.NewSegment;
import org.openetp.crm.CrmCommands.NewSpend;
import org.openetp.crm.CrmCommands.NewSupplier;
import org.openetp.crm.CrmViews.AccountView;
import org.openetp.crm.CrmViews.ChannelEconomics;
import org.openetp.crm.CrmViews.CompetitorView;
import org.openetp.crm.CrmViews.Economics;
import org.openetp.crm.CrmViews.NicheMargin;
import org.openetp.crm.CrmViews.PriceFork;
import org.openetp.crm.CrmViews.QuoteView;
import org.openetp.crm.CrmViews.SegmentView;
import org.openetp.crm.CrmViews.SpendView;
import org.openetp.crm.CrmViews.SupplierView;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.DecimalBounds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales team's view of the market: the supplier base with quotes and price forks, niche margins, strong
 * competitors, segments of accounts and channel economics, and the import of quotes. Every call finds the caller's
 * sales team through {@link CrmService}.
 */
@Service
@Transactional
public class CrmMarket {

    private final CrmService crm;
    private final ChannelNames names;
    private final CrmStore store;
    private final MarketStore market;
    private final Classifier classifier;
    private final CsvImport imports;
    private final Clock clock;

    CrmMarket(CrmService crm, ChannelNames names, CrmStore store, MarketStore market, Classifier classifier,
            CsvImport imports, Clock clock) {
        this.crm = crm;
        this.names = names;
        this.store = store;
        this.market = market;
        this.classifier = classifier;
        this.imports = imports;
        this.clock = clock;
    }

    // ---- supplier base

    public List<SupplierView> suppliers(CurrentUser user, @Nullable UUID org) {
        return market.suppliers(crm.context(user, org).org());
    }

    public SupplierView createSupplier(CurrentUser user, @Nullable UUID org, NewSupplier form) {
        Ctx ctx = crm.context(user, org);
        UUID id = UUID.randomUUID();
        createSupplier(ctx.org(), id, form);
        return market.suppliers(ctx.org()).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private void createSupplier(UUID org, UUID id, NewSupplier form) {
        Checks checks = new Checks();
        String name = checks.text("name", form.name(), 300);
        String contact = checks.optionalText("contact", form.contact(), 300);
        String region = checks.optionalText("region", form.region(), 10);
        if (region != null && !classifier.regionExists(region)) {
            checks.add("region", "region.unknown");
        }
        String terms = checks.optionalText("terms", form.terms(), 2000);
        if (!name.isEmpty() && market.supplierByName(org, name).isPresent()) {
            checks.add("name", "crm.supplier.duplicate");
        }
        checks.throwIfAny();
        market.insertSupplier(org, id, name, contact, region, terms);
    }

    public List<QuoteView> quotes(CurrentUser user, @Nullable UUID org, @Nullable UUID supplier) {
        return market.quotes(crm.context(user, org).org(), supplier);
    }

    /** A supplier's price for a product at a volume. */
    public QuoteView addQuote(CurrentUser user, NewQuote form) {
        DecimalBounds.require(form);
        if (form.supplierId() == null) {
            throw new InvalidInputException("supplierId", "field.required");
        }
        Ctx ctx = crm.owning(user, market.supplierOrganization(form.supplierId()));
        UUID id = UUID.randomUUID();
        insertQuote(ctx.org(), id, form.supplierId(), form);
        return market.quotes(ctx.org(), form.supplierId()).stream().filter(q -> q.id().equals(id)).findFirst()
                .orElseThrow();
    }

    private void insertQuote(UUID org, UUID id, UUID supplier, NewQuote form) {
        Checks checks = new Checks();
        String product = checks.text("product", form.product(), 300);
        String niche = checks.text("niche", form.niche(), 200);
        BigDecimal volume = checks.amount("volume", form.volume(), true);
        String unit = checks.text("unit", form.unit(), 20);
        BigDecimal price = checks.amount("price", form.price(), true);
        String currency = checks.currency("currency", form.currency());
        checks.throwIfAny();
        market.insertQuote(org, id, supplier, product, niche, volume, unit, price, currency);
    }

    /** Per product and currency, the lowest and highest price quoted: the market's price fork. */
    public List<PriceFork> priceForks(CurrentUser user, @Nullable UUID org) {
        return forks(market.quotes(crm.context(user, org).org(), null));
    }

    static List<PriceFork> forks(List<QuoteView> quotes) {
        Map<String, List<QuoteView>> byProduct = quotes.stream().collect(Collectors.groupingBy(
                q -> q.product() + "\u0000" + q.currency(), LinkedHashMap::new, Collectors.toList()));
        List<PriceFork> forks = new ArrayList<>();
        for (List<QuoteView> group : byProduct.values()) {
            QuoteView cheapest = group.stream().min(Comparator.comparing(QuoteView::price)).orElseThrow();
            QuoteView dearest = group.stream().max(Comparator.comparing(QuoteView::price)).orElseThrow();
            forks.add(new PriceFork(cheapest.product(), cheapest.niche(), cheapest.currency(), cheapest.price(),
                    dearest.price(), group.size(), cheapest.supplierName()));
        }
        return forks;
    }

    /** Per niche: the margin of buying at each fork's bottom and selling at its top. */
    public List<NicheMargin> niches(CurrentUser user, @Nullable UUID org) {
        return margins(priceForks(user, org));
    }

    static List<NicheMargin> margins(List<PriceFork> forks) {
        Map<String, List<PriceFork>> byNiche = forks.stream().collect(Collectors.groupingBy(
                f -> f.niche() + "\u0000" + f.currency(), LinkedHashMap::new, Collectors.toList()));
        List<NicheMargin> margins = new ArrayList<>();
        for (List<PriceFork> group : byNiche.values()) {
            BigDecimal top = group.stream().map(PriceFork::max).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal spread = group.stream().map(f -> f.max().subtract(f.min()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal percent = top.signum() == 0 ? BigDecimal.ZERO
                    : spread.multiply(BigDecimal.valueOf(100)).divide(top, 1, RoundingMode.HALF_UP);
            margins.add(new NicheMargin(group.getFirst().niche(), group.getFirst().currency(), group.size(), percent));
        }
        return margins;
    }

    // ---- competitors

    public List<CompetitorView> competitors(CurrentUser user, @Nullable UUID org) {
        return market.competitors(crm.context(user, org).org(), null, today());
    }

    /** A strong competitor: the evidence of strength (advertising, visibility or website) and strengths required. */
    public CompetitorView createCompetitor(CurrentUser user, @Nullable UUID org, NewCompetitor form) {
        DecimalBounds.require(form);
        Ctx ctx = crm.context(user, org);
        Checks checks = new Checks();
        String name = checks.text("name", form.name(), 300);
        checks.optionalText("advertising", form.advertising(), 500);
        checks.optionalText("visibility", form.visibility(), 500);
        checks.optionalText("website", form.website(), 300);
        if (CrmStore.blank(form.advertising()) == null && CrmStore.blank(form.visibility()) == null
                && CrmStore.blank(form.website()) == null) {
            checks.add("advertising", "crm.competitor.evidence");
        }
        checks.optionalAmount("priceMin", form.priceMin());
        checks.optionalAmount("priceMax", form.priceMax());
        if (form.priceMin() != null && form.priceMax() != null && form.priceMin().compareTo(form.priceMax()) > 0) {
            checks.add("priceMax", "crm.competitor.priceRange");
        }
        checks.currency("currency", form.currency());
        String strengths = checks.text("strengths", form.strengths(), 2000);
        checks.optionalText("weaknesses", form.weaknesses(), 2000);
        checks.throwIfAny();
        UUID id = UUID.randomUUID();
        market.insertCompetitor(ctx.org(), id, form, name, strengths);
        return market.competitors(ctx.org(), id, today()).getFirst();
    }

    public CompetitorView competitor(CurrentUser user, UUID id) {
        Ctx ctx = crm.owning(user, market.competitorOrganization(id));
        return market.competitors(ctx.org(), id, today()).getFirst();
    }

    /** A client the competitor serves, and since when. */
    public CompetitorView addCompetitorClient(CurrentUser user, UUID id, NewCompetitorClient form) {
        Ctx ctx = crm.owning(user, market.competitorOrganization(id));
        Checks checks = new Checks();
        String client = checks.text("client", form.client(), 300);
        LocalDate since = checks.date("since", form.since(), true);
        if (since != null && since.isAfter(today())) {
            checks.add("since", "crm.field.future");
        }
        checks.throwIfAny();
        market.insertCompetitorClient(id, client, since);
        return market.competitors(ctx.org(), id, today()).getFirst();
    }

    // ---- segments

    public List<SegmentView> segments(CurrentUser user, @Nullable UUID org) {
        return market.segments(crm.context(user, org).org());
    }

    /** A segment as rules over region, purchase volume and market role. */
    public SegmentView createSegment(CurrentUser user, @Nullable UUID org, NewSegment form) {
        DecimalBounds.require(form);
        Ctx ctx = crm.context(user, org);
        Checks checks = new Checks();
        String name = checks.text("name", form.name(), 200);
        String region = checks.optionalText("region", form.region(), 10);
        if (region != null && !classifier.regionExists(region)) {
            checks.add("region", "region.unknown");
        }
        checks.optionalAmount("volumeMin", form.volumeMin());
        checks.optionalAmount("volumeMax", form.volumeMax());
        if (form.volumeMin() != null && form.volumeMax() != null
                && form.volumeMin().compareTo(form.volumeMax()) > 0) {
            checks.add("volumeMax", "crm.segment.volumeRange");
        }
        String role = checks.optionalText("marketRole", form.marketRole(), 100);
        checks.throwIfAny();
        UUID id = UUID.randomUUID();
        market.insertSegment(ctx.org(), id, name, region, form.volumeMin(), form.volumeMax(), role);
        return market.segments(ctx.org()).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** The accounts a segment's rules match now. */
    public List<AccountView> segmentAccounts(CurrentUser user, UUID id) {
        Ctx ctx = crm.owning(user, market.segmentOrganization(id));
        Set<UUID> ids = new HashSet<>(market.segmentAccounts(ctx.org(), id));
        return store.accounts(ctx.org(), null, null, null, null, null).stream().filter(a -> ids.contains(a.id()))
                .map(names::labelled).toList();
    }

    // ---- channel economics

    public List<SpendView> spend(CurrentUser user, @Nullable UUID org) {
        return market.spend(crm.context(user, org).org());
    }

    /** Money spent on a channel (advertising, salaries, a web campaign). */
    public SpendView addSpend(CurrentUser user, @Nullable UUID org, NewSpend form) {
        DecimalBounds.require(form);
        Ctx ctx = crm.context(user, org);
        Checks checks = new Checks();
        Channel channel = checks.choice("channel", form.channel(), Channel.class, true);
        BigDecimal amount = checks.amount("amount", form.amount(), false);
        LocalDate on = checks.date("spentOn", form.spentOn(), true);
        String note = checks.optionalText("note", form.note(), 500);
        checks.throwIfAny();
        UUID id = UUID.randomUUID();
        market.insertSpend(ctx.org(), id, channel, amount, on, note);
        return market.spend(ctx.org()).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** Acquisition cost per client per channel, share of won sales per channel, and the passive share. */
    public Economics economics(CurrentUser user, @Nullable UUID org) {
        return economics(market.channelTotals(crm.context(user, org).org()));
    }

    static Economics economics(List<MarketStore.ChannelTotals> totals) {
        BigDecimal won = totals.stream().map(MarketStore.ChannelTotals::wonValue).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        List<ChannelEconomics> channels = new ArrayList<>();
        BigDecimal passive = BigDecimal.ZERO;
        for (MarketStore.ChannelTotals t : totals) {
            BigDecimal share = won.signum() == 0 ? BigDecimal.ZERO
                    : t.wonValue().multiply(BigDecimal.valueOf(100)).divide(won, 1, RoundingMode.HALF_UP);
            BigDecimal perClient = t.clients() == 0 ? null
                    : t.spend().divide(BigDecimal.valueOf(t.clients()), 2, RoundingMode.HALF_UP);
            channels.add(new ChannelEconomics(t.channel().name(), t.spend(), t.clients(), perClient, t.wonValue(),
                    share));
            if (t.channel() == Channel.INBOUND) {
                passive = share;
            }
        }
        return new Economics(channels, passive);
    }

    // ---- CSV import

    /** Imports supplier quotes (supplier, product, niche, volume, unit, price, currency); unknown suppliers are added. */
    public CrmViews.ImportReport importQuotes(CurrentUser user, @Nullable UUID org, String csv) {
        Ctx ctx = crm.context(user, org);
        return imports.run(csv, row -> {
            NewQuote quote = new NewQuote(null, row.get("product"), row.get("niche"), CsvImport.decimal(row, "volume"),
                    row.get("unit"), CsvImport.decimal(row, "price"), row.get("currency"));
            String name = row.get("supplier");
            if (name.isBlank()) {
                throw new InvalidInputException("supplier", "field.required");
            }
            Optional<UUID> known = market.supplierByName(ctx.org(), name);
            UUID supplier = known.orElseGet(UUID::randomUUID);
            if (known.isEmpty()) {
                createSupplier(ctx.org(), supplier, new NewSupplier(name, null, null, null));
            }
            insertQuote(ctx.org(), UUID.randomUUID(), supplier, quote);
        });
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
