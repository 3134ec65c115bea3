package org.openetp.notification;

import java.util.List;
import java.util.stream.Stream;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.ContractAcceptancesReset;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells both parties of a contract that a change of its milestones withdrew the acceptances given, so that each
 * accepts the new terms again (issue 17: the change used to lapse the other side's acceptance silently). The buyer
 * who made the change is told too: the notice also says the buyer's own acceptance is withdrawn.
 */
@Component
class ContractNotifier {

    private final Organizations organizations;
    private final Deliveries deliveries;

    ContractNotifier(Organizations organizations, Deliveries deliveries) {
        this.organizations = organizations;
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener
    void on(ContractAcceptancesReset event) {
        List<UserId> recipients = Stream.concat(
                organizations.membersWithRole(new OrganizationId(event.buyer()), Role.BUYER).stream(),
                organizations.membersWithRole(new OrganizationId(event.supplier()), Role.SUPPLIER).stream())
                .distinct().toList();
        deliveries.deliver(recipients, new Notice(NotificationKind.CONTRACT,
                "contract-reset:" + event.contract() + ":" + event.occurredAt().toEpochMilli(),
                "notification.contractAcceptancesReset", List.of(NoticeArg.text(event.subject())),
                "/contracts/" + event.contract()));
    }
}
