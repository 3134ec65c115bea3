package org.openetp.crm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Category;
import org.openetp.classifier.Classifier;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationView;
import org.openetp.organization.Organizations;
import org.openetp.procurement.ProcedurePublished;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tender-to-lead (SPEC §7.11): a newly published open procedure with a lot in a category a supplier organization
 * offers (or under one), and in its lead regions when it set any, becomes one lead in that organization's CRM: a deal
 * in RESEARCH on the buyer's account, routed to the account's owner, or unassigned for the head to route. The
 * listener may be retried; the database keeps one lead per organization and procedure.
 */
@Component
class TenderLeads {

    private final Procurement procurement;
    private final Organizations organizations;
    private final Classifier classifier;
    private final CrmStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TenderLeads(Procurement procurement, Organizations organizations, Classifier classifier, CrmStore store,
            ApplicationEventPublisher events, Clock clock) {
        this.procurement = procurement;
        this.organizations = organizations;
        this.classifier = classifier;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ProcedurePublished event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        if (procedure.status() != ProcedureStatus.PUBLISHED || !procedure.kind().openToAll()) {
            return; // cancelled meanwhile, or by invitation only: not a lead for everybody
        }
        OrganizationId buyer = new OrganizationId(procedure.organizationId());
        Set<String> categories = new LinkedHashSet<>();
        procedure.lots().forEach(lot -> categories.addAll(withAncestors(lot.categoryCode())));
        Set<String> regions = procedure.lots().stream().map(ProcedureView.LotView::deliveryRegion)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Optional<OrganizationView> buyerView = organizations.describe(buyer);
        for (OrganizationId supplier : organizations.organizationsOffering(categories, buyer)) {
            List<String> leadRegions = store.settings(supplier.value()).leadRegions();
            if (!leadRegions.isEmpty() && leadRegions.stream().noneMatch(regions::contains)) {
                continue;
            }
            buyerView.ifPresent(b -> lead(supplier.value(), procedure, b));
        }
    }

    private void lead(UUID org, ProcedureView procedure, OrganizationView buyer) {
        Instant now = clock.instant();
        UUID accountId = store.accountLinkedTo(org, buyer.id().value()).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            store.insertUnclaimedAccount(org, id, buyer.shortName(), buyer.taxId(), buyer.id().value(),
                    buyer.region(), now);
            return id;
        });
        Account account = store.account(org, accountId, false).orElseThrow();
        @Nullable Manager owner = route(org, account);
        BigDecimal value = procedure.lots().stream().map(ProcedureView.LotView::startPrice)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Deal lead = new Deal(UUID.randomUUID(), org, accountId, shorten(procedure.title()), value,
                procedure.currency(), Stage.RESEARCH, owner == null ? null : owner.userId(),
                owner == null ? null : owner.channel(), null, null, null, null);
        if (store.insertLead(lead, procedure.id().value(), now)) {
            store.insertMove(lead.id(), null, Stage.RESEARCH, null, now, "/procedures/" + procedure.id());
            events.publishEvent(new LeadCreated(org, lead.id(), procedure.id().value(), lead.title(),
                    lead.ownerId(), now));
        }
    }

    /** The account's current owner (service first: the client is already served), when allowed to work it. */
    private @Nullable Manager route(UUID org, Account account) {
        return account.currentOwners().stream()
                .sorted((a, b) -> Boolean.compare(b.channel() == Channel.SERVICE, a.channel() == Channel.SERVICE))
                .map(o -> store.manager(org, o.ownerId()).orElse(null)).filter(Objects::nonNull)
                .filter(m -> !account.reserved() || m.headOffice()).findFirst().orElse(null);
    }

    private static String shorten(String title) {
        return title.length() <= 300 ? title : title.substring(0, 300);
    }

    /** The category and every category above it in the classifier tree. */
    private Set<String> withAncestors(String code) {
        Set<String> codes = new LinkedHashSet<>();
        @Nullable String next = code;
        while (next != null && codes.add(next)) {
            next = classifier.categoriesByCode(List.of(next), Locale.ENGLISH).stream().findFirst()
                    .map(Category::parentCode).orElse(null);
        }
        return codes;
    }
}
