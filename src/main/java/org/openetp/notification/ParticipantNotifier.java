package org.openetp.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.BidsOpened;
import org.openetp.procurement.DocumentationAmended;
import org.openetp.procurement.LotAwarded;
import org.openetp.procurement.LotFailed;
import org.openetp.procurement.ProcedureCancelled;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.procurement.QuestionAnswered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the participants of a procedure what happened to it: the supplier members of every organization with a
 * live bid, and for the opening and the award also the buyers of the procedure's organization. Clarification
 * askers are anonymous (SPEC §5.4) and procurement does not say who they are, so an answer reaches the bidders
 * only.
 */
@Component
class ParticipantNotifier {

    private final Procurement procurement;
    private final Organizations organizations;
    private final Deliveries deliveries;

    ParticipantNotifier(Procurement procurement, Organizations organizations, Deliveries deliveries) {
        this.procurement = procurement;
        this.organizations = organizations;
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener
    void on(QuestionAnswered event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        deliveries.deliver(suppliers(procurement.bidderOrganizations(event.procedure())),
                new Notice(NotificationKind.QUESTION_ANSWERED, "question-answered:" + event.question(),
                        "notification.questionAnswered", List.of(NoticeArg.text(procedure.title())),
                        link(procedure)));
    }

    @ApplicationModuleListener
    void on(DocumentationAmended event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        deliveries.deliver(suppliers(procurement.bidderOrganizations(event.procedure())),
                new Notice(NotificationKind.DOCUMENTATION_AMENDED,
                        "documentation-amended:" + event.procedure() + ":" + event.version(),
                        "notification.documentationAmended", List.of(NoticeArg.text(procedure.title()),
                                NoticeArg.number(event.version()), NoticeArg.moment(event.submissionDeadline())),
                        link(procedure)));
    }

    @ApplicationModuleListener
    void on(BidsOpened event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        List<UserId> recipients = new ArrayList<>(suppliers(procurement.bidderOrganizations(event.procedure())));
        recipients.addAll(organizations.membersWithRole(new OrganizationId(procedure.organizationId()), Role.BUYER));
        deliveries.deliver(recipients, new Notice(NotificationKind.BIDS_OPENED, "bids-opened:" + event.procedure(),
                "notification.bidsOpened", List.of(NoticeArg.text(procedure.title()), NoticeArg.number(event.bids())),
                link(procedure)));
    }

    @ApplicationModuleListener
    void on(LotAwarded event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        ProcedureView.LotView lot = lot(procedure, event.lot().value());
        List<NoticeArg> args = List.of(NoticeArg.text(procedure.title()), NoticeArg.number(lot.number()),
                NoticeArg.text(lot.title()), NoticeArg.amount(event.price(), procedure.currency()));
        String occurrence = "lot-awarded:" + event.lot();
        // The winner first: someone in both the winning and a losing organization is told the better news, once.
        deliveries.deliver(suppliers(List.of(event.winner())),
                new Notice(NotificationKind.AWARD, occurrence, "notification.lotWon", args, link(procedure)));
        // In competitive negotiations no supplier learns another's final offer, so the others are told without it.
        boolean negotiations = procedure.kind().negotiations();
        deliveries.deliver(suppliers(procurement.bidderOrganizations(event.lot())),
                new Notice(NotificationKind.AWARD, occurrence,
                        negotiations ? "notification.lotLostPrivately" : "notification.lotLost",
                        negotiations ? args.subList(0, 3) : args, link(procedure)));
        deliveries.deliver(organizations.membersWithRole(new OrganizationId(procedure.organizationId()), Role.BUYER)
                        .stream().filter(buyer -> !buyer.value().equals(event.by())).toList(), // who awarded knows
                new Notice(NotificationKind.AWARD, occurrence, "notification.lotAwarded", args, link(procedure)));
    }

    @ApplicationModuleListener
    void on(LotFailed event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        ProcedureView.LotView lot = lot(procedure, event.lot().value());
        deliveries.deliver(suppliers(procurement.bidderOrganizations(event.lot())),
                new Notice(NotificationKind.AWARD, "lot-failed:" + event.lot(), "notification.lotFailed",
                        List.of(NoticeArg.text(procedure.title()), NoticeArg.number(lot.number()),
                                NoticeArg.text(lot.title())), link(procedure)));
    }

    @ApplicationModuleListener
    void on(ProcedureCancelled event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        deliveries.deliver(suppliers(procurement.bidderOrganizations(event.procedure())),
                new Notice(NotificationKind.PROCEDURE_CANCELLED, "procedure-cancelled:" + event.procedure(),
                        "notification.procedureCancelled",
                        List.of(NoticeArg.text(procedure.title()),
                                NoticeArg.text(event.reason().isBlank() ? "—" : event.reason())),
                        link(procedure)));
    }

    private List<UserId> suppliers(Collection<UUID> organizationIds) {
        return organizationIds.stream()
                .flatMap(id -> organizations.membersWithRole(new OrganizationId(id), Role.SUPPLIER).stream())
                .toList();
    }

    private static ProcedureView.LotView lot(ProcedureView procedure, UUID lot) {
        return procedure.lots().stream().filter(l -> l.id().value().equals(lot)).findFirst().orElseThrow();
    }

    private static String link(ProcedureView procedure) {
        return "/procedures/" + procedure.id();
    }
}
