package org.openetp.crm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Category;
import org.openetp.classifier.Classifier;
import org.openetp.crm.EvidenceViews.Evidence;
import org.openetp.crm.EvidenceViews.PricePoint;
import org.openetp.crm.EvidenceViews.Summary;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureDisclosure;
import org.openetp.procurement.PublicProcedure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The competitor base fed by the platform (SPEC §7): for every supplier the team's organization met in a procedure,
 * the prices it bid and won at, per category, with dates. It reads only what procurement discloses once bids are
 * opened (the opening protocol's bidders and prices, the award's winner and price), on demand; a procedure still
 * sealed contributes nothing, and nothing of another organization's CRM is read: "tracked" compares the bidder's
 * public name with this team's own competitor records.
 */
@Service
@Transactional
public class CompetitorEvidence {

    /** The latest openings read: a year of a busy supplier's tenders, and a bounded page. */
    static final int PROCEDURES = 200;

    private final CrmService crm;
    private final MarketStore market;
    private final ProcedureDisclosure disclosure;
    private final Organizations organizations;
    private final Classifier classifier;

    CompetitorEvidence(CrmService crm, MarketStore market, ProcedureDisclosure disclosure, Organizations organizations,
            Classifier classifier) {
        this.crm = crm;
        this.market = market;
        this.disclosure = disclosure;
        this.organizations = organizations;
        this.classifier = classifier;
    }

    public Evidence evidence(CurrentUser user, @Nullable UUID org, Locale locale) {
        CrmService.Ctx ctx = crm.context(user, org);
        Set<String> tracked = market.competitors(ctx.org(), null, java.time.LocalDate.EPOCH).stream()
                .map(c -> key(c.name())).collect(Collectors.toSet());
        Map<UUID, String> names = new HashMap<>();
        List<PricePoint> prices = new ArrayList<>();
        for (PublicProcedure procedure : disclosure.openedWithBidOf(ctx.org(), PROCEDURES)) {
            prices.addAll(points(procedure, ctx.org(), tracked, names));
        }
        Map<String, String> categories = categoryNames(prices, locale);
        prices = prices.stream().map(p -> withCategoryName(p, categories)).toList();
        return new Evidence(summaries(prices), prices);
    }

    /** The other bidders' opened prices on one procedure; a bid whose price is not revealed yet is left out. */
    private List<PricePoint> points(PublicProcedure procedure, UUID us, Set<String> tracked, Map<UUID, String> names) {
        if (procedure.bids() == null || procedure.openedAt() == null) {
            return List.of(); // sealed: the disclosure already answers no bids, checked again as it is the rule here
        }
        Map<LotId, PublicProcedure.Lot> lots = procedure.lots().stream()
                .collect(Collectors.toMap(PublicProcedure.Lot::id, l -> l));
        List<PricePoint> points = new ArrayList<>();
        for (PublicProcedure.Bid bid : procedure.bids()) {
            PublicProcedure.Lot lot = lots.get(bid.lot());
            if (bid.organization().equals(us) || bid.price() == null || lot == null) {
                continue;
            }
            PublicProcedure.Award award = procedure.awards().stream().filter(a -> a.lot().equals(bid.lot()))
                    .findFirst().orElse(null);
            boolean won = award != null && award.bid().equals(bid.id());
            String name = names.computeIfAbsent(bid.organization(),
                    o -> organizations.shortName(new OrganizationId(o)));
            points.add(new PricePoint(bid.organization(), name, tracked.contains(key(name)), lot.categoryCode(),
                    lot.categoryCode(), procedure.title(), lot.number(), lot.title(), bid.price(),
                    procedure.currency(), won, award == null ? null : award.price(), procedure.openedAt()));
        }
        return points;
    }

    private Map<String, String> categoryNames(List<PricePoint> prices, Locale locale) {
        Set<String> codes = prices.stream().map(PricePoint::categoryCode).collect(Collectors.toSet());
        return codes.isEmpty() ? Map.of() : classifier.categoriesByCode(codes, locale).stream()
                .collect(Collectors.toMap(Category::code, Category::name, (a, b) -> a));
    }

    private static PricePoint withCategoryName(PricePoint p, Map<String, String> names) {
        return new PricePoint(p.organizationId(), p.competitor(), p.tracked(), p.categoryCode(),
                names.getOrDefault(p.categoryCode(), p.categoryCode()), p.procedureTitle(), p.lotNumber(),
                p.lotTitle(), p.price(), p.currency(), p.won(), p.awardedPrice(), p.openedAt());
    }

    /** Tracked competitors first, then by name, category and currency. */
    static List<Summary> summaries(List<PricePoint> prices) {
        Map<List<Object>, List<PricePoint>> groups = prices.stream().collect(Collectors.groupingBy(
                p -> List.of(p.organizationId(), p.categoryCode(), p.currency()), LinkedHashMap::new,
                Collectors.toList()));
        List<Summary> summaries = new ArrayList<>();
        for (List<PricePoint> group : groups.values()) {
            PricePoint first = group.getFirst();
            summaries.add(new Summary(first.organizationId(), first.competitor(), first.tracked(),
                    first.categoryCode(), first.categoryName(), first.currency(), group.size(),
                    (int) group.stream().filter(PricePoint::won).count(),
                    group.stream().map(PricePoint::price).min(Comparator.naturalOrder()).orElse(BigDecimal.ZERO),
                    group.stream().map(PricePoint::price).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO),
                    group.stream().map(PricePoint::openedAt).max(Comparator.naturalOrder()).orElseThrow()));
        }
        summaries.sort(Comparator.comparing(Summary::tracked).reversed().thenComparing(Summary::competitor)
                .thenComparing(Summary::categoryCode).thenComparing(Summary::currency));
        return summaries;
    }

    private static String key(@Nullable String name) {
        return Objects.requireNonNullElse(name, "").strip().toLowerCase(Locale.ROOT);
    }
}
