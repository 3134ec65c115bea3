package org.openetp.notification;

import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.List;
import org.openetp.loyalty.LoyaltyPointsExpiring;
import org.openetp.loyalty.LoyaltyTierChanged;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a client company's admins that the nightly recomputation moved it to another tier of a seller's loyalty
 * program, and that some of its points expire within 30 days. Clients outside the platform have no one to tell here.
 */
@Component
class LoyaltyNotifier {

    private final Organizations organizations;
    private final Deliveries deliveries;

    LoyaltyNotifier(Organizations organizations, Deliveries deliveries) {
        this.organizations = organizations;
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener
    void on(LoyaltyTierChanged event) {
        if (event.client() == null) {
            return;
        }
        var admins = organizations.admins(new OrganizationId(event.client()));
        if (admins.isEmpty()) {
            return;
        }
        deliveries.deliver(admins, new Notice(NotificationKind.ACCOUNT,
                "loyalty-tier:" + event.program() + ":" + event.client() + ":" + event.occurredAt(),
                "notification.loyaltyTierChanged", List.of(NoticeArg.text(event.programName()),
                        NoticeArg.text(organizations.shortName(new OrganizationId(event.seller()))),
                        tier(event.fromTier()), tier(event.toTier())),
                "/loyalty/memberships/" + event.program() + "?organizationId=" + event.client()));
    }

    @ApplicationModuleListener
    void on(LoyaltyPointsExpiring event) {
        var admins = organizations.admins(new OrganizationId(event.client()));
        if (admins.isEmpty()) {
            return;
        }
        deliveries.deliver(admins, new Notice(NotificationKind.ACCOUNT,
                "loyalty-expiring:" + event.award(), "notification.loyaltyExpiring",
                List.of(NoticeArg.number(event.points()), NoticeArg.text(event.programName()),
                        new NoticeArg.Day(LocalDate.ofInstant(event.expiresAt(), ZoneOffset.UTC))),
                "/loyalty/memberships/" + event.program() + "?organizationId=" + event.client()));
    }

    private static NoticeArg tier(String name) {
        return NoticeArg.text(name == null ? "—" : name);
    }
}
