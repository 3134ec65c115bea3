package org.openetp.crm;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Every CRM list as a CSV file a spreadsheet opens. */
@Component
public class CrmExports {

    private final CrmService crm;
    private final CrmDeals crmDeals;
    private final CrmMarket crmMarket;

    CrmExports(CrmService crm, CrmDeals crmDeals, CrmMarket crmMarket) {
        this.crm = crm;
        this.crmDeals = crmDeals;
        this.crmMarket = crmMarket;
    }

    /** The names of the lists that export. */
    static final List<String> LISTS = List.of("accounts", "contacts", "deals", "failures", "activities", "suppliers",
            "quotes", "price-forks", "niches", "competitors", "segments", "channel-spend", "channel-economics",
            "conflicts", "managers", "board");

    public ResponseEntity<String> csv(CurrentUser user, @Nullable UUID org, String list) {
        String body = salesList(user, org, list);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("crm-" + list + ".csv").build().toString())
                .body(body);
    }

    /** The team's own lists: accounts, contacts, deals, activities, conflicts, managers and the board. */
    private String salesList(CurrentUser user, @Nullable UUID org, String list) {
        return switch (list) {
            case "accounts" -> Csv.write(List.of("id", "name", "taxId", "region", "purchaseVolume", "marketRole",
                    "reserved", "finder", "finderChannel", "owners"), crm.accounts(user, org, null, null, null, null,
                    null), a -> List.of(a.id(), a.name(), n(a.taxId()), n(a.region()), n(a.purchaseVolume()),
                    n(a.marketRole()), a.reserved(), n(a.finderName()), n(a.finderChannel()),
                    String.join("; ", a.owners())));
            case "contacts" -> Csv.write(List.of("id", "account", "fullName", "position", "email", "phone", "role"),
                    crm.contacts(user, org, null, null, null), c -> List.of(c.id(), c.accountName(), c.fullName(),
                            n(c.position()), n(c.email()), n(c.phone()), c.role()));
            case "deals", "failures" -> Csv.write(List.of("id", "account", "title", "value", "currency", "stage",
                    "owner", "channel", "procedure", "lostReason", "nextAction", "nextActionDate", "wonAt"),
                    list.equals("deals") ? crmDeals.deals(user, org, null, null, null, null) : crmDeals.failures(user, org),
                    d -> List.of(d.id(), d.accountName(), d.title(), d.value(), d.currency(), d.stage(),
                            n(d.ownerName()), n(d.channel()), n(d.procedureId()), n(d.lostReason()),
                            n(d.nextAction()), n(d.nextActionDate()), n(d.wonAt())));
            case "activities" -> Csv.write(List.of("at", "account", "manager", "channel", "kind", "note"),
                    crmDeals.activities(user, org, null, null), a -> List.of(a.at(), a.accountName(), a.managerName(),
                            a.channel(), a.kind(), n(a.note())));
            case "conflicts" -> Csv.write(List.of("account", "status", "openedAt", "winner", "channel", "reason"),
                    crmDeals.conflicts(user, org), c -> List.of(c.accountName(), c.status(), c.openedAt(),
                            n(c.winnerName()), n(c.winnerChannel()), n(c.reason())));
            case "managers" -> Csv.write(List.of("name", "channel", "headOffice", "head", "planCalls",
                    "planMeetings", "planContracts", "planReason"), crm.managers(user, org), m -> List.of(
                    m.fullName(), m.channel(), m.headOffice(), m.head(), m.planCalls(), m.planMeetings(),
                    m.planContracts(), n(m.planReason())));
            case "board" -> Csv.write(List.of("manager", "channel", "planCalls", "calls", "planMeetings",
                    "meetings", "planContracts", "contracts", "emails", "proposals", "openDeals"),
                    crmDeals.board(user, org), b -> List.of(b.fullName(), b.channel(), b.planCalls(), b.calls(),
                            b.planMeetings(), b.meetings(), b.planContracts(), b.contracts(), b.emails(),
                            b.proposals(), b.openDeals()));
            default -> marketList(user, org, list);
        };
    }

    /** The market research lists: suppliers and their quotes, price forks, niches, competitors, segments, channels. */
    private String marketList(CurrentUser user, @Nullable UUID org, String list) {
        return switch (list) {
            case "suppliers" -> Csv.write(List.of("id", "name", "contact", "region", "terms", "quotes"),
                    crmMarket.suppliers(user, org), s -> List.of(s.id(), s.name(), n(s.contact()), n(s.region()),
                            n(s.terms()), s.quotes()));
            case "quotes" -> Csv.write(List.of("supplier", "product", "niche", "volume", "unit", "price",
                    "currency"), crmMarket.quotes(user, org, null), q -> List.of(q.supplierName(), q.product(), q.niche(),
                    q.volume(), q.unit(), q.price(), q.currency()));
            case "price-forks" -> Csv.write(List.of("product", "niche", "currency", "min", "max", "quotes",
                    "cheapestSupplier"), crmMarket.priceForks(user, org), f -> List.of(f.product(), f.niche(),
                    f.currency(), f.min(), f.max(), f.quotes(), f.cheapestSupplier()));
            case "niches" -> Csv.write(List.of("niche", "currency", "products", "marginPercent"),
                    crmMarket.niches(user, org), m -> List.of(m.niche(), m.currency(), m.products(), m.marginPercent()));
            case "competitors" -> Csv.write(List.of("name", "advertising", "visibility", "website", "priceMin",
                    "priceMax", "currency", "strengths", "weaknesses", "clients"), crmMarket.competitors(user, org),
                    c -> List.of(c.name(), n(c.advertising()), n(c.visibility()), n(c.website()), n(c.priceMin()),
                            n(c.priceMax()), n(c.currency()), c.strengths(), n(c.weaknesses()),
                            String.join("; ", c.clients().stream().map(k -> k.client() + " (" + k.months() + ")")
                                    .toList())));
            case "segments" -> Csv.write(List.of("name", "region", "volumeMin", "volumeMax", "marketRole",
                    "accounts"), crmMarket.segments(user, org), s -> List.of(s.name(), n(s.region()), n(s.volumeMin()),
                    n(s.volumeMax()), n(s.marketRole()), s.accounts()));
            case "channel-spend" -> Csv.write(List.of("spentOn", "channel", "amount", "note"),
                    crmMarket.spend(user, org), s -> List.of(s.spentOn(), s.channel(), s.amount(), n(s.note())));
            case "channel-economics" -> Csv.write(List.of("channel", "spend", "clients", "costPerClient",
                    "wonValue", "sharePercent"), crmMarket.economics(user, org).channels(), c -> List.of(c.channel(),
                    c.spend(), c.clients(), n(c.costPerClient()), c.wonValue(), c.sharePercent()));
            default -> throw new NotFoundException("List");
        };
    }

    private static Object n(@Nullable Object value) {
        return value == null ? "" : value;
    }
}
