package org.openetp.notification;

import java.util.List;
import org.openetp.ledger.PostingRecorded;
import org.openetp.organization.Organizations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells an organization's admins that money moved on its account: a top-up arrived, a bid deposit was blocked,
 * released or forfeited (both to the one who lost it and to the one who received it). Tariff charges are left to
 * the billing notices of invoices and payments. Runs after the posting commits; retried by the event publication
 * registry if it fails, and each posting is told once per person and organization.
 */
@Component
class LedgerNotifier {

    private final Organizations organizations;
    private final Deliveries deliveries;

    LedgerNotifier(Organizations organizations, Deliveries deliveries) {
        this.organizations = organizations;
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener
    void on(PostingRecorded event) {
        String key = switch (event.kind()) {
            case "TOP_UP" -> "notification.ledgerTopUp";
            case "BLOCK" -> "notification.ledgerBlocked";
            case "RELEASE" -> "notification.ledgerReleased";
            case "FORFEIT" -> event.receivedForfeit() ? "notification.ledgerForfeitReceived"
                    : "notification.ledgerForfeited";
            default -> null;
        };
        if (key == null) {
            return;
        }
        String memo = event.memo().isBlank() ? "—" : event.memo();
        deliveries.deliver(organizations.admins(event.organization()), new Notice(NotificationKind.ACCOUNT,
                "ledger:" + event.posting() + ":" + event.organization(), key,
                List.of(NoticeArg.amount(event.amount().amount(), event.amount().currency()), NoticeArg.text(memo)),
                "/money?organizationId=" + event.organization() + "&currency=" + event.amount().currency()));
    }
}
