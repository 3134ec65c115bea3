package org.openetp.notification;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Category;
import org.openetp.classifier.Classifier;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.procurement.ProcedurePublished;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Subscriptions (SPEC §5.8): tells suppliers of a newly published procedure when a lot is in a category their
 * organization offers, or when one of their saved searches matches it. A category matches its subcategories. The
 * buyer's own people are never told of their own procedure.
 */
@Component
class NewProcedureNotifier {

    private final Procurement procurement;
    private final Organizations organizations;
    private final Classifier classifier;
    private final SavedSearchRepository searches;
    private final Deliveries deliveries;

    NewProcedureNotifier(Procurement procurement, Organizations organizations, Classifier classifier,
            SavedSearchRepository searches, Deliveries deliveries) {
        this.procurement = procurement;
        this.organizations = organizations;
        this.classifier = classifier;
        this.searches = searches;
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener
    void on(ProcedurePublished event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        if (procedure.status() != ProcedureStatus.PUBLISHED) {
            return; // cancelled before this ran: nobody should be invited to it any more
        }
        if (!procedure.kind().openToAll() || procedure.settings().invitedOnly()) {
            return; // by invitation: only those invited may hear of it
        }
        OrganizationId buyer = new OrganizationId(procedure.organizationId());
        Map<String, Set<String>> lineage = new LinkedHashMap<>();
        procedure.lots().forEach(lot -> lineage.computeIfAbsent(lot.categoryCode(), this::withAncestors));
        Set<String> categories = lineage.values().stream().flatMap(Set::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> regions = procedure.lots().stream().map(ProcedureView.LotView::deliveryRegion)
                .filter(Objects::nonNull).collect(Collectors.toSet());

        Set<UserId> recipients = new LinkedHashSet<>(organizations.suppliersOffering(categories, buyer));
        for (SavedSearchRepository.Subscription s : searches.candidates(procedure.kind(), categories, regions)) {
            if (!recipients.contains(s.owner()) && s.search().matches(procedure, lineage)
                    && organizations.membershipsOf(s.owner()).stream().noneMatch(m -> m.organization().equals(buyer))) {
                recipients.add(s.owner());
            }
        }
        deliveries.deliver(recipients, new Notice(NotificationKind.NEW_PROCEDURE,
                "procedure-published:" + procedure.id(), "notification.newProcedure",
                List.of(NoticeArg.text(procedure.title()), NoticeArg.moment(procedure.submissionDeadline())),
                "/procedures/" + procedure.id()));
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
