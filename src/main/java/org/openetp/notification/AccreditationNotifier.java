package org.openetp.notification;

import java.util.List;
import org.openetp.organization.OrganizationAccredited;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationRejected;
import org.openetp.organization.Organizations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells an organization's admins the operator's accreditation decision. Runs after the decision commits; the event
 * publication registry retries it if it fails.
 */
@Component
class AccreditationNotifier {

    private final Organizations organizations;
    private final Deliveries deliveries;

    AccreditationNotifier(Organizations organizations, Deliveries deliveries) {
        this.organizations = organizations;
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener
    void on(OrganizationAccredited event) {
        notifyAdmins(event.organization(), "notification.accredited", "", event.occurredAt().toString());
    }

    @ApplicationModuleListener
    void on(OrganizationRejected event) {
        notifyAdmins(event.organization(), "notification.rejected", event.reason(), event.occurredAt().toString());
    }

    // An organization may be rejected, corrected and decided again: each decision is its own occurrence.
    private void notifyAdmins(OrganizationId organization, String key, String reason, String decidedAt) {
        deliveries.deliver(organizations.admins(organization), new Notice(NotificationKind.ACCREDITATION,
                "accreditation:" + organization + ":" + decidedAt, key, List.of(NoticeArg.text(reason)),
                "/organizations/" + organization));
    }
}
