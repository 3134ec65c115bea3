package org.openetp.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.domain.CallbackSignature;
import org.openetp.billing.domain.Checks;
import org.openetp.billing.domain.InvoiceDocument;
import org.openetp.billing.domain.TariffRules;
import org.openetp.billing.persistence.BillingStore;
import org.openetp.billing.persistence.StoredInvoice;
import org.openetp.billing.persistence.StoredSubscription;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationStatus;
import org.openetp.organization.OrganizationView;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.shared.ConflictException;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.pdf.PdfRenderer;
import org.openetp.shared.DecimalBounds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The billing module's API (SPEC §4.1–4.3): tariff plans and free participation rules, subscriptions with their
 * invoices, payments, and the entitlement check at bid time.
 */
@Service
public class Billing {

    /** Who recorded a payment that came through the provider's callback. */
    public static final String PAYMENT_PROVIDER = "payment-provider";
    private static final int LIST_LIMIT = 500;

    private final BillingStore store;
    private final Organizations organizations;
    private final BillingProperties properties;
    private final CallbackSignature callbackSignature;
    private final MessageSource messages;
    private final PdfRenderer pdf;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final InvoiceIssuer issuer;
    private final InvoicePayments payments;

    Billing(BillingStore store, Organizations organizations, BillingProperties properties, MessageSource messages,
            PdfRenderer pdf, JsonMapper json, ApplicationEventPublisher events, Clock clock, InvoiceIssuer issuer,
            InvoicePayments payments) {
        this.store = store;
        this.issuer = issuer;
        this.payments = payments;
        this.organizations = organizations;
        this.properties = properties;
        this.callbackSignature = new CallbackSignature(properties.callbackSecret());
        this.messages = messages;
        this.pdf = pdf;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- tariff plans

    /** The plans on sale, cheapest first. */
    @Transactional(readOnly = true)
    public List<TariffPlan> plans() {
        return store.plans(true);
    }

    /** Every plan, those off sale too, cheapest first (operator). */
    @Transactional(readOnly = true)
    public List<TariffPlan> allPlans(CurrentUser operator) {
        requireOperator(operator);
        return store.plans(false);
    }

    /** A plan by its code, on sale or not. */
    @Transactional(readOnly = true)
    public TariffPlan plan(String code) {
        return store.plan(code).orElseThrow(() -> new NotFoundException("Tariff plan"));
    }

    /** Creates a plan (operator); every invalid field is reported at once, a used code is a conflict. */
    @Transactional
    public TariffPlan createPlan(CurrentUser operator, TariffPlanForm form) {
        DecimalBounds.require(form);
        requireOperator(operator);
        TariffPlan plan = TariffRules.plan(form, null);
        Instant now = now();
        if (!store.insertPlan(plan, now)) {
            throw new ConflictException("code", "billing.plan.code.taken");
        }
        events.publishEvent(new TariffPlanCreated(plan, operator.id(), now));
        return plan;
    }

    /**
     * Replaces a plan's names, price, period, limits and sale status (operator); the code stays. Subscriptions
     * already requested keep the terms they were bought with.
     */
    @Transactional
    public TariffPlan changePlan(CurrentUser operator, String code, TariffPlanForm form) {
        DecimalBounds.require(form);
        requireOperator(operator);
        store.planForUpdate(code).orElseThrow(() -> new NotFoundException("Tariff plan"));
        TariffPlan plan = TariffRules.plan(form, code);
        Instant now = now();
        store.updatePlan(plan, now);
        events.publishEvent(new TariffPlanChanged(plan, operator.id(), now));
        return plan;
    }

    /** Puts a plan on sale or takes it off (operator); nobody's subscription changes. */
    @Transactional
    public TariffPlan setPlanActive(CurrentUser operator, String code, boolean active) {
        requireOperator(operator);
        TariffPlan current = store.planForUpdate(code).orElseThrow(() -> new NotFoundException("Tariff plan"));
        if (current.active() == active) {
            return current;
        }
        TariffPlan plan = new TariffPlan(current.code(), current.names(), current.price(), current.currency(),
                current.periodDays(), current.limits(), active);
        Instant now = now();
        store.updatePlan(plan, now);
        events.publishEvent(new TariffPlanChanged(plan, operator.id(), now));
        return plan;
    }

    // ---------------------------------------------------------------- free participation rules

    /** The free participation rules (SPEC §4.2); {@link FreeRules} changes them. */
    @Transactional(readOnly = true)
    public List<FreeParticipationRule> freeRules() {
        return store.freeRules();
    }

    // ---------------------------------------------------------------- subscriptions and invoices

    /**
     * An administrator of an accredited organization buys a plan on sale: the subscription waits for payment and
     * its invoice is issued with both parties' requisites.
     */
    @Transactional
    public NewSubscription subscribe(CurrentUser user, Subscribe command) {
        if (command.planCode() == null || command.planCode().isBlank()) {
            throw new InvalidInputException("planCode", "field.required");
        }
        TariffPlan plan = store.plan(command.planCode().strip())
                .orElseThrow(() -> new InvalidInputException("planCode", "billing.plan.unknown"));
        if (!plan.active()) {
            throw new InvalidInputException("planCode", "billing.plan.inactive");
        }
        OrganizationId organization = administered(user, command.organizationId());
        organizations.requireRole(user.id(), organization, Role.ADMIN);
        OrganizationView buyer = organizations.view(user, organization);
        if (buyer.status() != OrganizationStatus.ACCREDITED) {
            throw new ForbiddenException("organization.notAccredited");
        }
        Instant now = now();
        StoredSubscription subscription = new StoredSubscription(UUID.randomUUID(), organization.value(),
                plan.code(), plan.names(), plan.price(), plan.currency(), plan.periodDays(), plan.limits(),
                "AWAITING_PAYMENT", user.id().value(), now, null, null);
        store.insertSubscription(subscription);
        events.publishEvent(new SubscriptionRequested(subscription.id(), organization, plan.code(),
                plan.money(), plan.periodDays(), user.id(), now));

        StoredInvoice invoice = issuer.issue(buyer, subscription.id(), StoredInvoice.TARIFF, plan.money(),
                number -> "OpenETP invoice " + number + ", plan " + plan.code() + ", payer tax id "
                        + buyer.taxId(), now);
        events.publishEvent(new InvoiceIssued(invoice.id(), organization, subscription.id(), invoice.number(),
                plan.code(), invoice.money(), user.id(), now));
        return new NewSubscription(subscription.id(), invoice.id(), subscription.status());
    }

    /** An administrator withdraws an unpaid subscription; its invoice is cancelled and can no longer be paid. */
    @Transactional
    public void cancelSubscription(CurrentUser user, UUID subscriptionId) {
        StoredSubscription subscription = store.subscription(subscriptionId)
                .filter(s -> isMember(user, s.organizationId()))
                .orElseThrow(() -> new NotFoundException("Subscription"));
        organizations.requireRole(user.id(), new OrganizationId(subscription.organizationId()), Role.ADMIN);
        StoredInvoice invoice = store.invoiceOfSubscription(subscriptionId)
                .flatMap(i -> store.invoiceForUpdate(i.id())).orElseThrow(() -> new NotFoundException("Invoice"));
        if (!"ISSUED".equals(invoice.status())) {
            throw new RuleViolationException("billing.subscription.notAwaiting");
        }
        store.cancelSubscription(subscriptionId);
        store.setInvoiceStatus(invoice.id(), "CANCELLED");
        events.publishEvent(new SubscriptionCancelled(subscriptionId,
                new OrganizationId(subscription.organizationId()), invoice.id(),
                user.id(), now()));
    }

    /** The organization's subscriptions, newest first, for its members and the operator; 404 for anybody else. */
    @Transactional(readOnly = true)
    public List<SubscriptionView> subscriptions(CurrentUser user, OrganizationId organization, Locale locale) {
        organizations.view(user, organization);
        Map<UUID, StoredInvoice> invoices = store.invoicesOf(organization.value()).stream()
                .filter(i -> i.subscriptionId() != null)
                .collect(Collectors.toMap(i -> Objects.requireNonNull(i.subscriptionId()), Function.identity()));
        Instant now = now();
        List<SubscriptionView> views = new ArrayList<>();
        for (StoredSubscription s : store.subscriptionsOf(organization.value())) {
            StoredInvoice invoice = invoices.get(s.id());
            String status = "ACTIVE".equals(s.status()) && s.endsAt() != null && !now.isBefore(s.endsAt())
                    ? "EXPIRED" : s.status();
            views.add(new SubscriptionView(s.id(), new OrganizationId(s.organizationId()), s.planCode(),
                    name(s.planNames(), locale), s.price(), s.currency(), s.periodDays(), s.limits(), status,
                    s.inEffect(now), s.requestedAt(), s.startsAt(), s.endsAt(), invoice.id(), invoice.number()));
        }
        return views;
    }

    /** An invoice, for the members of its organization and the operator; 404 for anybody else. */
    @Transactional(readOnly = true)
    public InvoiceView invoice(CurrentUser user, UUID invoiceId, Locale locale) {
        return view(visibleInvoice(user, invoiceId), locale);
    }

    /** The invoice as PDF in the language, for those who may see it. */
    @Transactional(readOnly = true)
    public byte[] invoicePdf(CurrentUser user, UUID invoiceId, Locale locale) {
        InvoiceView invoice = invoice(user, invoiceId, locale);
        InvoiceDocument document = new InvoiceDocument(messages, locale);
        return pdf.render(document.html(invoice), document.footer(invoice));
    }

    /** Invoices with the status ({@code ISSUED}: waiting for payment; {@code PAID}, newest payment first), operator. */
    @Transactional(readOnly = true)
    public List<InvoiceView> invoices(CurrentUser operator, String status, Locale locale) {
        requireOperator(operator);
        List<StoredInvoice> found = "PAID".equals(status) ? store.recentlyPaid(LIST_LIMIT)
                : store.invoicesWithStatus(status, LIST_LIMIT);
        return found.stream().map(i -> view(i, locale)).toList();
    }

    // ---------------------------------------------------------------- payments

    /**
     * Records the payment of an invoice (a plan or a top-up) received from outside, whoever reports it. The amount
     * and currency must equal the invoice's; the money goes to the organization's account, and a plan's price is
     * charged from it at once. The plan's period follows what the organization has paid for already, or, for an
     * upgrade, starts now with the unused days of the replaced plan credited ({@link InvoicePayments}). Publishes
     * {@link InvoicePaid} and {@link SubscriptionActivated} in the same transaction. A paid invoice is paid once: the
     * operator gets a conflict, a provider's repeated notice is answered as a duplicate that changes nothing.
     */
    @Transactional
    public PaymentResult recordPayment(UUID invoiceId, RecordPayment payment, PaymentSource source) {
        DecimalBounds.require(payment);
        String recordedBy = switch (source) {
            case PaymentSource.Operator operator -> {
                requireOperator(operator.user());
                yield operator.user().id().toString();
            }
            case PaymentSource.Provider provider -> PAYMENT_PROVIDER;
        };
        Checks checks = new Checks();
        BigDecimal amount = checks.amount("amount", payment.amount());
        String currency = checks.currency("currency", payment.currency());
        String reference = checks.text("reference", payment.reference(), 200);
        checks.throwIfAny();

        StoredInvoice invoice = store.invoiceForUpdate(invoiceId).orElseThrow(() -> new NotFoundException("Invoice"));
        if ("PAID".equals(invoice.status()) && invoice.payment() != null) {
            if (source instanceof PaymentSource.Provider) {
                return paidAlready(invoice);
            }
            throw new ConflictException("invoice", "billing.invoice.alreadyPaid");
        }
        if ("CANCELLED".equals(invoice.status())) {
            throw new RuleViolationException("billing.invoice.cancelled");
        }
        if (!currency.equals(invoice.currency())) {
            checks.add("currency", "billing.payment.currencyMismatch");
        }
        if (amount.compareTo(invoice.amount()) != 0) {
            checks.add("amount", "billing.payment.amountMismatch");
        }
        checks.throwIfAny();
        return payments.settle(invoice, new InvoiceView.Payment(invoice.amount(), invoice.currency(), reference,
                source instanceof PaymentSource.Provider ? "PROVIDER" : "OPERATOR", now()), recordedBy);
    }

    /** What a repeated notice of an invoice paid already is answered: the payment as it was, changing nothing. */
    PaymentResult paidAlready(StoredInvoice invoice) {
        InvoiceView.Payment payment = Objects.requireNonNull(invoice.payment());
        if (invoice.subscriptionId() == null) {
            return new PaymentResult(invoice.id(), null, "PAID", true, payment.paidAt(), null, null);
        }
        StoredSubscription subscription = store.subscription(invoice.subscriptionId()).orElseThrow();
        return new PaymentResult(invoice.id(), subscription.id(), "PAID", true, payment.paidAt(),
                subscription.startsAt(), subscription.endsAt());
    }

    /** Whether payment-provider callbacks are configured ({@code OPENETP_BILLING_CALLBACK_SECRET}). */
    public boolean callbacksEnabled() {
        return callbackSignature.configured();
    }

    /**
     * A payment provider's callback: {@code signature} (header {@code X-OpenETP-Signature}) must be
     * {@code sha256=<hex HMAC-SHA256 of body>} under the shared secret, else nothing happens; then the body
     * {@code {"invoiceId", "amount", "currency", "reference"}} is recorded as a payment like the operator's.
     */
    @Transactional
    public PaymentResult acceptPaymentCallback(byte[] body, @Nullable String signature) {
        if (!callbackSignature.configured()) {
            throw new PaymentCallbackRefused(true, "billing.callback.disabled");
        }
        if (!callbackSignature.matches(body, signature)) {
            throw new PaymentCallbackRefused(false, "billing.callback.badSignature");
        }
        CallbackBody notice;
        try {
            notice = json.readValue(body, CallbackBody.class);
        } catch (JacksonException unreadable) {
            throw new InvalidInputException("body", "billing.callback.unreadable");
        }
        if (notice == null || notice.invoiceId() == null) {
            throw new InvalidInputException("invoiceId", "field.required");
        }
        return recordPayment(notice.invoiceId(), new RecordPayment(notice.amount(), notice.currency(),
                notice.reference()), new PaymentSource.Provider());
    }

    /** The provider's notice of a payment. */
    record CallbackBody(@Nullable UUID invoiceId, @Nullable BigDecimal amount, @Nullable String currency,
            @Nullable String reference) {
    }

    // ---------------------------------------------------------------- entitlement

    /**
     * Checks at bid time that the supplier may bid on the lot (SPEC §4.3), the same way for tenders, RFQs and
     * auctions: a free participation rule covers it, or a subscription in effect now allows it. Otherwise refuses
     * (409, {@code billing.notEntitled}) naming the cheapest plan on sale that would allow it, in the language of the
     * current request, or saying that none would ({@code billing.notEntitled.noPlan}).
     */
    @Transactional(readOnly = true)
    public void requireEntitled(OrganizationId supplier, Participation participation) {
        if (entitled(supplier, participation)) {
            return;
        }
        Optional<TariffPlan> wouldAllow = store.plans(true).stream().filter(p -> p.allows(participation))
                .findFirst();
        Locale locale = LocaleContextHolder.getLocale();
        throw wouldAllow.map(p -> new RuleViolationException("billing.notEntitled", p.name(locale)))
                .orElseGet(() -> new RuleViolationException("billing.notEntitled.noPlan"));
    }

    /** Whether the supplier may bid on the lot now: free by a rule, or within a subscription in effect. */
    @Transactional(readOnly = true)
    public boolean entitled(OrganizationId supplier, Participation participation) {
        if (store.freeRules().stream().anyMatch(rule -> rule.covers(participation))) {
            return true;
        }
        return store.inEffect(supplier.value(), clock.instant()).stream()
                .anyMatch(s -> s.limits().allow(participation, s.currency()));
    }

    // ---------------------------------------------------------------- expiry

    /**
     * Tells, once per subscription, that a paid period ends within {@code openetp.billing.expiry-notice} (3 days)
     * and nothing paid for follows it: publishes {@link SubscriptionExpiring}. Run daily by the scheduler; safe to
     * run on several nodes or twice. Answers how many were announced.
     */
    @Transactional
    public int announceEndingSubscriptions() {
        Instant now = now();
        int announced = 0;
        for (StoredSubscription s : store.claimEndingSoon(now, now.plus(properties.expiryNotice()))) {
            if (!store.continuedAt(s.organizationId(), s.id(), s.endsAt())) {
                events.publishEvent(new SubscriptionExpiring(s.id(), new OrganizationId(s.organizationId()),
                        s.planCode(), s.endsAt()));
                announced++;
            }
        }
        return announced;
    }

    // ---------------------------------------------------------------- helpers

    private StoredInvoice visibleInvoice(CurrentUser user, UUID invoiceId) {
        return store.invoice(invoiceId).filter(i -> isMember(user, i.organizationId()))
                .orElseThrow(() -> new NotFoundException("Invoice"));
    }

    private boolean isMember(CurrentUser user, UUID organization) {
        return user.operator() || organizations.membershipsOf(user.id()).stream()
                .anyMatch(m -> m.organization().value().equals(organization));
    }

    InvoiceView view(StoredInvoice invoice, Locale locale) {
        InvoiceView.Line line;
        if (invoice.subscriptionId() == null) {
            line = new InvoiceView.Line(messages.getMessage("money.invoice.topUpLine", null, "Top-up", locale), null,
                    0, 1, invoice.amount());
        } else {
            StoredSubscription subscription = store.subscription(invoice.subscriptionId()).orElseThrow();
            String description = messages.getMessage("billing.invoice.line",
                    new Object[] {name(subscription.planNames(), locale), subscription.periodDays()},
                    "Tariff plan " + subscription.planCode(), locale);
            line = new InvoiceView.Line(description, subscription.planCode(), subscription.periodDays(), 1,
                    invoice.amount());
        }
        return new InvoiceView(invoice.id(), invoice.number(), invoice.issuedAt(), invoice.status(),
                new OrganizationId(invoice.organizationId()), invoice.subscriptionId(), invoice.seller(),
                invoice.buyer(), List.of(line), invoice.amount(), invoice.currency(), invoice.paymentReference(), invoice.payment(),
                invoice.purpose());
    }

    private static String name(Map<String, String> names, Locale locale) {
        return names.getOrDefault(locale.getLanguage(), names.get("en"));
    }

    /** The organization named, or the only one the user administers. */
    private OrganizationId administered(CurrentUser user, @Nullable UUID named) {
        if (named != null) {
            return new OrganizationId(named);
        }
        List<Membership> administered = organizations.membershipsOf(user.id()).stream()
                .filter(m -> m.has(Role.ADMIN)).toList();
        if (administered.isEmpty()) {
            throw new ForbiddenException("organization.role.missing");
        }
        if (administered.size() > 1) {
            throw new InvalidInputException("organizationId", "billing.organization.choose");
        }
        return administered.getFirst().organization();
    }

    /** The clock's time as PostgreSQL keeps it (microseconds), so that answers and later reads agree exactly. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireOperator(CurrentUser user) {
        if (!user.operator()) {
            throw new ForbiddenException("operator.only");
        }
    }
}
