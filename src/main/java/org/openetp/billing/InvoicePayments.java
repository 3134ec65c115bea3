package org.openetp.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.openetp.billing.domain.PlanPeriods;
import org.openetp.billing.persistence.BillingStore;
import org.openetp.billing.persistence.StoredInvoice;
import org.openetp.billing.persistence.StoredSubscription;
import org.openetp.ledger.Ledger;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Books a payment that has passed its checks, whoever reports it, inside the caller's transaction (which holds the
 * invoice's row lock): the ledger postings, the payment row, and for a tariff invoice the subscription's period.
 */
@Component
class InvoicePayments {

    static final String BALANCE = "BALANCE";

    private final BillingStore store;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;

    InvoicePayments(BillingStore store, Ledger ledger, ApplicationEventPublisher events) {
        this.store = store;
        this.ledger = ledger;
        this.events = events;
    }

    /** A paid period. */
    private record Period(Instant startsAt, Instant endsAt) {
    }

    /**
     * Books the payment. Money from outside (operator, provider) is first put on the organization's account; a
     * tariff is then charged from the available balance — for {@code BALANCE} that charge is the payment, and when
     * the balance is short it is refused with the shortfall before anything is written. Every posting is keyed by
     * the invoice, so a retried payment can never book twice.
     */
    PaymentResult settle(StoredInvoice invoice, InvoiceView.Payment payment, String recordedBy) {
        OrganizationId payer = new OrganizationId(invoice.organizationId());
        String memo = "Invoice " + invoice.number() + ", " + payment.reference();
        Money amount = invoice.money();
        if (!BALANCE.equals(payment.channel())) {
            ledger.topUp(payer, amount, "invoice:" + invoice.id() + ":top-up", memo);
        }
        if (!invoice.topUp()) {
            ledger.charge(payer, amount, "invoice:" + invoice.id() + ":charge", memo);
        }
        store.insertPayment(invoice.id(), payment, recordedBy);
        store.setInvoiceStatus(invoice.id(), "PAID");
        events.publishEvent(new InvoicePaid(invoice.id(), payer, amount, payment.reference(), payment.paidAt(),
                recordedBy));
        if (invoice.topUp()) {
            return new PaymentResult(invoice.id(), null, "PAID", false, payment.paidAt(), null, null);
        }
        StoredSubscription subscription = store.subscription(Objects.requireNonNull(invoice.subscriptionId()))
                .orElseThrow();
        store.lockSubscriptionsOf(invoice.organizationId());
        Period period = place(subscription, invoice, payment.paidAt());
        store.activate(subscription.id(), period.startsAt(), period.endsAt());
        events.publishEvent(new SubscriptionActivated(subscription.id(), payer,
                subscription.planCode(), period.startsAt(), period.endsAt(), recordedBy, payment.paidAt()));
        return new PaymentResult(invoice.id(), subscription.id(), "PAID", false, payment.paidAt(),
                period.startsAt(), period.endsAt());
    }

    /**
     * Where the paid plan goes (see {@link PlanPeriods}): after the last paid period of any plan; or, when it is
     * larger than the plan in effect and nothing is queued after that plan, at once — the plan in effect then ends
     * now and its unused whole days are credited to the organization's account pro rata.
     */
    private Period place(StoredSubscription bought, StoredInvoice invoice, Instant now) {
        Duration length = Duration.ofDays(bought.periodDays());
        Instant paidUntil = store.paidUntil(bought.organizationId(), now).orElse(now);
        Optional<StoredSubscription> current = store.inEffect(bought.organizationId(), now).stream()
                .max(Comparator.comparing(s -> Objects.requireNonNull(s.endsAt())));
        if (current.isEmpty() || !paidUntil.equals(current.get().endsAt())
                || !PlanPeriods.larger(bought.limits(), bought.currency(), current.get().limits(),
                        current.get().currency())) {
            return new Period(paidUntil, paidUntil.plus(length));
        }
        StoredSubscription replaced = current.get();
        PlanPeriods.Credit credit = PlanPeriods.credit(Money.of(replaced.price(), replaced.currency()),
                replaced.periodDays(), Objects.requireNonNull(replaced.endsAt()), now);
        store.endAt(replaced.id(), now);
        if (credit.amount().isPositive()) {
            String replacedInvoice = store.invoiceOfSubscription(replaced.id()).map(StoredInvoice::number)
                    .orElse("-");
            ledger.credit(new OrganizationId(bought.organizationId()), credit.amount(),
                    "subscription:" + replaced.id() + ":upgrade-credit",
                    "Upgrade credit: unused %d of %d days of plan %s (invoice %s), replaced by plan %s (invoice %s)"
                            .formatted(credit.unusedDays(), replaced.periodDays(), replaced.planCode(),
                                    replacedInvoice, bought.planCode(), invoice.number()));
            events.publishEvent(new UpgradeCredited(new OrganizationId(bought.organizationId()), replaced.id(),
                    replaced.planCode(), bought.planCode(), credit.amount(), credit.unusedDays(), now));
        }
        return new Period(now, now.plus(length));
    }
}
