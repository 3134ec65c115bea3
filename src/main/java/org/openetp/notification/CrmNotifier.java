package org.openetp.notification;

import java.util.ArrayList;
import java.util.List;
import org.openetp.crm.AccountHandedOver;
import org.openetp.crm.ConflictOpened;
import org.openetp.crm.LeadCreated;
import org.openetp.crm.NextActionDue;
import org.openetp.identity.Identity;
import org.openetp.identity.UserId;
import org.openetp.identity.UserSummary;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a sales team about its CRM (SPEC §7.4, §7.6, §7.11): both sides of a hand-over to service, the owner of a new
 * lead (the organization's administrators when nobody owns it yet), and the administrators of a new conflict.
 */
@Component
class CrmNotifier {

    private final Organizations organizations;
    private final Identity identity;
    private final Deliveries deliveries;

    CrmNotifier(Organizations organizations, Identity identity, Deliveries deliveries) {
        this.organizations = organizations;
        this.identity = identity;
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener
    void on(AccountHandedOver event) {
        List<UserId> both = new ArrayList<>();
        if (event.from() != null) {
            both.add(new UserId(event.from()));
        }
        both.add(new UserId(event.to()));
        deliveries.deliver(both, new Notice(NotificationKind.CRM, "crm-hand-over:" + event.account(),
                "notification.crmHandOver", List.of(NoticeArg.text(event.accountName()), name(event.from()), name(event.to())),
                "/crm/accounts/" + event.account()));
    }

    @ApplicationModuleListener
    void on(LeadCreated event) {
        List<UserId> to = event.owner() != null ? List.of(new UserId(event.owner()))
                : organizations.admins(new OrganizationId(event.organization()));
        deliveries.deliver(to, new Notice(NotificationKind.CRM, "crm-lead:" + event.deal(), "notification.crmLead",
                List.of(NoticeArg.text(event.title())), "/crm/deals/" + event.deal()));
    }

    @ApplicationModuleListener
    void on(ConflictOpened event) {
        deliveries.deliver(organizations.admins(new OrganizationId(event.organization())),
                new Notice(NotificationKind.CRM, "crm-conflict:" + event.conflict(), "notification.crmConflict",
                        List.of(NoticeArg.text(event.accountName())), "/crm/conflicts"));
    }

    /** A deal's next action falls due: its owner is told once per due date (issue 18). */
    @ApplicationModuleListener
    void on(NextActionDue event) {
        deliveries.deliver(List.of(new UserId(event.owner())), new Notice(NotificationKind.CRM,
                "crm-next-action:" + event.deal() + ":" + event.due(), "notification.crmNextAction",
                List.of(NoticeArg.text(event.title()), NoticeArg.text(event.nextAction())),
                "/crm/deals/" + event.deal()));
    }

    private NoticeArg name(java.util.@org.jspecify.annotations.Nullable UUID user) {
        return NoticeArg.text(user == null ? "—"
                : identity.find(new UserId(user)).map(UserSummary::fullName).orElse("—"));
    }
}
