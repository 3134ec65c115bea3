package org.openetp.notification;

import org.openetp.shared.NotFoundException;
import org.openetp.billing.Billing;
import java.util.List;
import org.openetp.billing.InvoiceIssued;
import org.openetp.billing.SubscriptionActivated;
import org.openetp.billing.SubscriptionExpiring;
import org.openetp.billing.UpgradeCredited;
import org.openetp.organization.Organizations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells an organization's administrators about its tariff plan (SPEC §10): an invoice issued, the payment recorded
 * and the subscription active, an upgrade's credit for the replaced plan's unused days, the subscription about to end. Runs after the billing change commits; the event
 * publication registry retries it if it fails, and each occurrence reaches a person once.
 */
@Component
class BillingNotifier {

    private final Organizations organizations;
    private final Billing billing;
    private final Deliveries deliveries;

    BillingNotifier(Organizations organizations, Billing billing, Deliveries deliveries) {
        this.organizations = organizations;
        this.billing = billing;
        this.deliveries = deliveries;
    }

    /** A plan by its name in each language; a plan since removed by its code. */
    private NoticeArg plan(String code) {
        try {
            return new NoticeArg.Names(billing.plan(code).names());
        } catch (NotFoundException gone) {
            return NoticeArg.text(code);
        }
    }

    @ApplicationModuleListener
    void on(InvoiceIssued event) {
        deliveries.deliver(organizations.admins(event.organization()),
                new Notice(NotificationKind.BILLING, "invoice-issued:" + event.invoice(),
                        "notification.invoiceIssued", List.of(NoticeArg.text(event.number()),
                                NoticeArg.amount(event.amount().amount(), event.amount().currency()),
                                plan(event.planCode())),
                        "/invoices/" + event.invoice()));
    }

    @ApplicationModuleListener
    void on(SubscriptionActivated event) {
        deliveries.deliver(organizations.admins(event.organization()),
                new Notice(NotificationKind.BILLING, "subscription-activated:" + event.subscription(),
                        "notification.subscriptionActive", List.of(plan(event.planCode()),
                                NoticeArg.moment(event.startsAt()), NoticeArg.moment(event.endsAt())),
                        "/subscriptions"));
    }

    /** An upgrade's credit for the unused days of the plan it replaced: the money is on the account now. */
    @ApplicationModuleListener
    void on(UpgradeCredited event) {
        deliveries.deliver(organizations.admins(event.organization()),
                new Notice(NotificationKind.BILLING, "upgrade-credited:" + event.replacedSubscription(),
                        "notification.upgradeCredited", List.of(
                                NoticeArg.amount(event.amount().amount(), event.amount().currency()),
                                plan(event.replacedPlanCode()), NoticeArg.number(event.unusedDays()),
                                plan(event.newPlanCode())),
                        "/money?organizationId=" + event.organization() + "&currency=" + event.amount().currency()));
    }

    @ApplicationModuleListener
    void on(SubscriptionExpiring event) {
        deliveries.deliver(organizations.admins(event.organization()),
                new Notice(NotificationKind.BILLING, "subscription-expiring:" + event.subscription(),
                        "notification.subscriptionExpiring", List.of(plan(event.planCode()), NoticeArg.moment(event.endsAt())),
                        "/tariffs"));
    }
}
