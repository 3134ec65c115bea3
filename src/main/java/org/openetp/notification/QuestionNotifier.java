package org.openetp.notification;

import java.util.List;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.procurement.QuestionAsked;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the buyers of a procedure's organization that a clarification question arrived (issue 17: they were not
 * told), with a link to the questions to answer. The asker stays anonymous (SPEC §5.4): the notice names nobody.
 */
@Component
class QuestionNotifier {

    private final Procurement procurement;
    private final Organizations organizations;
    private final Deliveries deliveries;

    QuestionNotifier(Procurement procurement, Organizations organizations, Deliveries deliveries) {
        this.procurement = procurement;
        this.organizations = organizations;
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener
    void on(QuestionAsked event) {
        ProcedureView procedure = procurement.describe(event.procedure());
        deliveries.deliver(organizations.membersWithRole(new OrganizationId(event.buyer()), Role.BUYER),
                new Notice(NotificationKind.QUESTION_ASKED, "question-asked:" + event.question(),
                        "notification.questionAsked", List.of(NoticeArg.text(procedure.title())),
                        "/procedures/" + event.procedure() + "/documents/questions"));
    }
}
