package org.openetp.notification;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.DocumentationAmended;
import org.openetp.procurement.FinalOffersCalled;
import org.openetp.procurement.NegotiationMessageSent;
import org.openetp.procurement.ProcedurePublished;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.procurement.StageProtocolPublished;
import org.openetp.procurement.SupplierInvited;
import org.openetp.procurement.Tenders;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells invited suppliers of their invitation (at once for a published procedure, at its publication for a draft),
 * the participants of a step of its protocol, the invited suppliers of a call for final offers, and the other side
 * of a negotiation thread of a new message (never its text: it is read on the platform).
 */
@Component
class InvitationNotifier {

    private final Procurement procurement;
    private final Tenders tenders;
    private final Organizations organizations;
    private final Deliveries deliveries;

    InvitationNotifier(Procurement procurement, Tenders tenders, Organizations organizations, Deliveries deliveries) {
        this.procurement = procurement;
        this.tenders = tenders;
        this.organizations = organizations;
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener
    void on(SupplierInvited event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        if (procedure.status() == ProcedureStatus.PUBLISHED) {
            invite(procedure, List.of(event.organization()));
        }
    }

    @ApplicationModuleListener
    void on(ProcedurePublished event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        if (procedure.status() == ProcedureStatus.PUBLISHED) {
            invite(procedure, tenders.invitedOrganizations(event.procedure()));
        }
    }

    private void invite(ProcedureView procedure, Collection<UUID> invited) {
        // One occurrence per organization: the dedup key keeps a member of it from being told twice.
        for (UUID organization : invited) {
            deliveries.deliver(suppliers(List.of(organization)), new Notice(NotificationKind.INVITATION,
                    "invitation:" + procedure.id() + ":" + organization, "notification.invitation",
                    List.of(NoticeArg.text(procedure.title()), NoticeArg.moment(procedure.submissionDeadline())),
                    link(procedure)));
        }
    }

    @ApplicationModuleListener
    void on(StageProtocolPublished event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        deliveries.deliver(suppliers(tenders.participants(event.procedure(), event.stage())), new Notice(NotificationKind.TENDER_STEP,
                "stage-protocol:" + event.procedure() + ":" + event.stage(), "notification.stageProtocol",
                List.of(NoticeArg.text(procedure.title())), link(procedure)));
    }

    /** The same notice as the bidders get, under the same occurrence, so that nobody is told twice. */
    @ApplicationModuleListener
    void on(DocumentationAmended event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        deliveries.deliver(suppliers(tenders.prospectiveParticipants(event.procedure())),
                new Notice(NotificationKind.DOCUMENTATION_AMENDED,
                        "documentation-amended:" + event.procedure() + ":" + event.version(),
                        "notification.documentationAmended", List.of(NoticeArg.text(procedure.title()),
                                NoticeArg.number(event.version()), NoticeArg.moment(event.submissionDeadline())),
                        link(procedure)));
    }

    @ApplicationModuleListener
    void on(FinalOffersCalled event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        deliveries.deliver(suppliers(tenders.invitedOrganizations(event.procedure())),
                new Notice(NotificationKind.TENDER_STEP, "final-offers:" + event.procedure(),
                        "notification.finalOffers", List.of(NoticeArg.text(procedure.title()), NoticeArg.moment(event.deadline())),
                        link(procedure)));
    }

    @ApplicationModuleListener
    void on(NegotiationMessageSent event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        List<UserId> recipients = event.fromBuyer() ? suppliers(List.of(event.supplier()))
                : organizations.membersWithRole(new OrganizationId(procedure.organizationId()), Role.BUYER);
        deliveries.deliver(recipients, new Notice(NotificationKind.TENDER_STEP,
                "negotiation-message:" + event.message(), "notification.negotiationMessage",
                List.of(NoticeArg.text(procedure.title())), link(procedure)));
    }

    private List<UserId> suppliers(Collection<UUID> organizationIds) {
        return organizationIds.stream()
                .flatMap(id -> organizations.membersWithRole(new OrganizationId(id), Role.SUPPLIER).stream())
                .toList();
    }

    private static String link(ProcedureView procedure) {
        return "/procedures/" + procedure.id();
    }
}
