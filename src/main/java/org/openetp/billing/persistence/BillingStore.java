package org.openetp.billing.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.FreeParticipationRule;
import org.openetp.billing.InvoiceView;
import org.openetp.billing.PlanLimits;
import org.openetp.billing.ProcedureFamilies;
import org.openetp.billing.TariffPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans, free rules, subscriptions, invoices and payments (tables of migrations billing/V1 and V2). */
@Repository
public class BillingStore {

    private static final String INVOICE_SELECT = """
            SELECT i.*, p.amount AS paid_amount, p.currency AS paid_currency, p.reference AS paid_reference,
                   p.channel AS paid_channel, p.paid_at
            FROM invoice i LEFT JOIN invoice_payment p ON p.invoice_id = i.id
            """;

    private final JdbcClient jdbc;

    BillingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- plans

    /** Plans, cheapest first (then shortest, then by code); {@code activeOnly} leaves out those not on sale. */
    public List<TariffPlan> plans(boolean activeOnly) {
        return jdbc.sql("SELECT * FROM tariff_plan WHERE active OR NOT :activeOnly ORDER BY price, period_days, code")
                .param("activeOnly", activeOnly).query((rs, n) -> plan(rs)).list();
    }

    public Optional<TariffPlan> plan(String code) {
        return jdbc.sql("SELECT * FROM tariff_plan WHERE code = :code").param("code", code)
                .query((rs, n) -> plan(rs)).optional();
    }

    public Optional<TariffPlan> planForUpdate(String code) {
        return jdbc.sql("SELECT * FROM tariff_plan WHERE code = :code FOR UPDATE").param("code", code)
                .query((rs, n) -> plan(rs)).optional();
    }

    /** Inserts the plan unless its code is taken; false when it is. */
    public boolean insertPlan(TariffPlan plan, Instant at) {
        return jdbc.sql("""
                INSERT INTO tariff_plan (code, name_en, name_ru, name_th, price, currency, period_days, families,
                    max_lot_start_price, active, created_at, updated_at)
                VALUES (:code, :en, :ru, :th, :price, :currency, :days, :families, :cap, :active, :at, :at)
                ON CONFLICT (code) DO NOTHING
                """).params(planParams(plan, at)).update() == 1;
    }

    public void updatePlan(TariffPlan plan, Instant at) {
        jdbc.sql("""
                UPDATE tariff_plan SET name_en = :en, name_ru = :ru, name_th = :th, price = :price,
                    currency = :currency, period_days = :days, families = :families, max_lot_start_price = :cap,
                    active = :active, updated_at = :at
                WHERE code = :code
                """).params(planParams(plan, at)).update();
    }

    private static Map<String, Object> planParams(TariffPlan plan, Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("code", plan.code());
        params.put("en", plan.names().get("en"));
        params.put("ru", plan.names().get("ru"));
        params.put("th", plan.names().get("th"));
        params.put("price", plan.price());
        params.put("currency", plan.currency());
        params.put("days", plan.periodDays());
        params.put("families", plan.limits().families().name());
        params.put("cap", plan.limits().maxLotStartPrice());
        params.put("active", plan.active());
        params.put("at", Timestamp.from(at));
        return params;
    }

    // ---------------------------------------------------------------- free participation rules

    public List<FreeParticipationRule> freeRules() {
        return jdbc.sql("SELECT * FROM free_participation_rule ORDER BY upper(industry), currency")
                .query((rs, n) -> freeRule(rs)).list();
    }

    public Optional<FreeParticipationRule> freeRuleForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM free_participation_rule WHERE id = :id FOR UPDATE")
                .param("id", id).query((rs, n) -> freeRule(rs)).optional();
    }

    /** Whether another rule has the industry (ignoring case) and currency. */
    public boolean freeRuleTaken(String industry, String currency, @Nullable UUID except) {
        return jdbc.sql("""
                SELECT count(*) FROM free_participation_rule
                WHERE upper(industry) = upper(:industry) AND currency = :currency
                  AND id IS DISTINCT FROM CAST(:except AS uuid)
                """).param("industry", industry).param("currency", currency).param("except", except)
                .query(Long.class).single() > 0;
    }

    public void insertFreeRule(FreeParticipationRule rule, Instant at) {
        jdbc.sql("""
                INSERT INTO free_participation_rule (id, industry, max_price, currency, created_at, updated_at)
                VALUES (:id, :industry, :max, :currency, :at, :at)
                """).param("id", rule.id()).param("industry", rule.industry()).param("max", rule.maxPrice())
                .param("currency", rule.currency()).param("at", Timestamp.from(at)).update();
    }

    public void updateFreeRule(FreeParticipationRule rule, Instant at) {
        jdbc.sql("""
                UPDATE free_participation_rule SET industry = :industry, max_price = :max, currency = :currency,
                    updated_at = :at
                WHERE id = :id
                """).param("id", rule.id()).param("industry", rule.industry()).param("max", rule.maxPrice())
                .param("currency", rule.currency()).param("at", Timestamp.from(at)).update();
    }

    public void deleteFreeRule(UUID id) {
        jdbc.sql("DELETE FROM free_participation_rule WHERE id = :id").param("id", id).update();
    }

    // ---------------------------------------------------------------- subscriptions

    public void insertSubscription(StoredSubscription s) {
        jdbc.sql("""
                INSERT INTO subscription (id, organization_id, plan_code, plan_name_en, plan_name_ru, plan_name_th,
                    price, currency, period_days, families, max_lot_start_price, status, requested_by, requested_at)
                VALUES (:id, :organization, :plan, :en, :ru, :th, :price, :currency, :days, :families, :cap,
                    :status, :by, :at)
                """).param("id", s.id()).param("organization", s.organizationId()).param("plan", s.planCode())
                .param("en", s.planNames().get("en")).param("ru", s.planNames().get("ru"))
                .param("th", s.planNames().get("th")).param("price", s.price()).param("currency", s.currency())
                .param("days", s.periodDays()).param("families", s.limits().families().name())
                .param("cap", s.limits().maxLotStartPrice()).param("status", s.status())
                .param("by", s.requestedBy()).param("at", Timestamp.from(s.requestedAt())).update();
    }

    public Optional<StoredSubscription> subscription(UUID id) {
        return jdbc.sql("SELECT * FROM subscription WHERE id = :id").param("id", id)
                .query((rs, n) -> subscription(rs)).optional();
    }

    /** The organization's subscriptions, newest request first. */
    public List<StoredSubscription> subscriptionsOf(UUID organization) {
        return jdbc.sql("SELECT * FROM subscription WHERE organization_id = :org ORDER BY requested_at DESC, id")
                .param("org", organization).query((rs, n) -> subscription(rs)).list();
    }

    /**
     * Locks the organization's subscriptions, so that two payments for one organization take their periods one after
     * the other instead of both starting at the same end.
     */
    public void lockSubscriptionsOf(UUID organization) {
        jdbc.sql("SELECT id FROM subscription WHERE organization_id = :org ORDER BY id FOR UPDATE")
                .param("org", organization).query(UUID.class).list();
    }

    /**
     * The end of the organization's last paid period that has not ended by {@code now}, of any plan: a plan bought
     * while another is paid for starts there.
     */
    public Optional<Instant> paidUntil(UUID organization, Instant now) {
        return jdbc.sql("""
                SELECT max(ends_at) FROM subscription
                WHERE organization_id = :org AND status = 'ACTIVE' AND ends_at > :now
                """).param("org", organization).param("now", Timestamp.from(now))
                .query((rs, n) -> Optional.ofNullable(instant(rs, "max"))).single();
    }

    /** Ends a paid period early, at {@code at} (an upgrade replaced it). */
    public void endAt(UUID id, Instant at) {
        jdbc.sql("UPDATE subscription SET ends_at = :at WHERE id = :id AND status = 'ACTIVE' AND ends_at > :at")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    /** The organization's paid subscriptions whose period contains {@code now}. */
    public List<StoredSubscription> inEffect(UUID organization, Instant now) {
        return jdbc.sql("""
                SELECT * FROM subscription
                WHERE organization_id = :org AND status = 'ACTIVE' AND starts_at <= :now AND ends_at > :now
                """).param("org", organization).param("now", Timestamp.from(now))
                .query((rs, n) -> subscription(rs)).list();
    }

    public void activate(UUID id, Instant startsAt, Instant endsAt) {
        jdbc.sql("""
                UPDATE subscription SET status = 'ACTIVE', starts_at = :starts, ends_at = :ends
                WHERE id = :id AND status = 'AWAITING_PAYMENT'
                """).param("id", id).param("starts", Timestamp.from(startsAt)).param("ends", Timestamp.from(endsAt))
                .update();
    }

    public void cancelSubscription(UUID id) {
        jdbc.sql("UPDATE subscription SET status = 'CANCELLED' WHERE id = :id AND status = 'AWAITING_PAYMENT'")
                .param("id", id).update();
    }

    /**
     * Claims, once, the paid subscriptions that end within ({@code now}, {@code horizon}]: marks them told and returns
     * them. The mark and the claim are one statement, so two nodes never claim the same subscription.
     */
    public List<StoredSubscription> claimEndingSoon(Instant now, Instant horizon) {
        return jdbc.sql("""
                UPDATE subscription SET expiry_notified_at = :now
                WHERE status = 'ACTIVE' AND expiry_notified_at IS NULL AND ends_at > :now AND ends_at <= :horizon
                RETURNING *
                """).param("now", Timestamp.from(now)).param("horizon", Timestamp.from(horizon))
                .query((rs, n) -> subscription(rs)).list();
    }

    /** Whether another paid subscription of the organization takes over at {@code at}. */
    public boolean continuedAt(UUID organization, UUID except, Instant at) {
        return jdbc.sql("""
                SELECT count(*) FROM subscription
                WHERE organization_id = :org AND id <> :except AND status = 'ACTIVE' AND starts_at <= :at
                  AND ends_at > :at
                """).param("org", organization).param("except", except).param("at", Timestamp.from(at))
                .query(Long.class).single() > 0;
    }

    // ---------------------------------------------------------------- invoices

    /** The next invoice number of the year: one short row lock per year, released at commit. */
    public int nextInvoiceNumber(int year) {
        return jdbc.sql("""
                INSERT INTO invoice_counter (year, last) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last = invoice_counter.last + 1
                RETURNING last
                """).param("year", year).query(Integer.class).single();
    }

    public void insertInvoice(StoredInvoice i) {
        jdbc.sql("""
                INSERT INTO invoice (id, number, subscription_id, organization_id, issued_at, seller_name,
                    seller_tax_id, seller_address, seller_bank, seller_account, buyer_name, buyer_tax_id, buyer_kpp,
                    buyer_ogrn, buyer_address, amount, currency, payment_reference, status, purpose)
                VALUES (:id, :number, :subscription, :organization, :at, :sellerName, :sellerTaxId, :sellerAddress,
                    :sellerBank, :sellerAccount, :buyerName, :buyerTaxId, :buyerKpp, :buyerOgrn, :buyerAddress,
                    :amount, :currency, :reference, :status, :purpose)
                """).param("id", i.id()).param("number", i.number()).param("subscription", i.subscriptionId())
                .param("organization", i.organizationId()).param("at", Timestamp.from(i.issuedAt()))
                .param("sellerName", i.seller().name()).param("sellerTaxId", i.seller().taxId())
                .param("sellerAddress", i.seller().address()).param("sellerBank", i.seller().bank())
                .param("sellerAccount", i.seller().account()).param("buyerName", i.buyer().name())
                .param("buyerTaxId", i.buyer().taxId()).param("buyerKpp", i.buyer().kpp())
                .param("buyerOgrn", i.buyer().ogrn()).param("buyerAddress", i.buyer().address())
                .param("amount", i.amount()).param("currency", i.currency()).param("reference", i.paymentReference())
                .param("status", i.status()).param("purpose", i.purpose()).update();
    }

    public Optional<StoredInvoice> invoice(UUID id) {
        return jdbc.sql(INVOICE_SELECT + "WHERE i.id = :id").param("id", id).query((rs, n) -> invoice(rs))
                .optional();
    }

    /** Locks the invoice row: whoever records a payment or cancels it holds this lock first. */
    public Optional<StoredInvoice> invoiceForUpdate(UUID id) {
        boolean exists = jdbc.sql("SELECT id FROM invoice WHERE id = :id FOR UPDATE").param("id", id)
                .query(UUID.class).optional().isPresent();
        // Read again in a statement of its own: after waiting for the lock, it sees what the holder committed
        // (its payment row too), which the locking statement's own snapshot would not.
        return exists ? invoice(id) : Optional.empty();
    }

    /** The organization's invoices, newest first. */
    public List<StoredInvoice> invoicesOf(UUID organization) {
        return jdbc.sql(INVOICE_SELECT + "WHERE i.organization_id = :org ORDER BY i.issued_at DESC, i.number DESC")
                .param("org", organization).query((rs, n) -> invoice(rs)).list();
    }

    public Optional<StoredInvoice> invoiceOfSubscription(UUID subscription) {
        return jdbc.sql(INVOICE_SELECT + "WHERE i.subscription_id = :id").param("id", subscription)
                .query((rs, n) -> invoice(rs)).optional();
    }

    /** Invoices in a status, oldest first, at most {@code limit}. */
    public List<StoredInvoice> invoicesWithStatus(String status, int limit) {
        return jdbc.sql(INVOICE_SELECT + "WHERE i.status = :status ORDER BY i.issued_at, i.number LIMIT :limit")
                .param("status", status).param("limit", limit).query((rs, n) -> invoice(rs)).list();
    }

    /** The latest paid invoices, newest payment first. */
    public List<StoredInvoice> recentlyPaid(int limit) {
        return jdbc.sql(INVOICE_SELECT + "WHERE i.status = 'PAID' ORDER BY p.paid_at DESC LIMIT :limit")
                .param("limit", limit).query((rs, n) -> invoice(rs)).list();
    }

    public void setInvoiceStatus(UUID id, String status) {
        jdbc.sql("UPDATE invoice SET status = :status WHERE id = :id").param("id", id).param("status", status)
                .update();
    }

    public void insertPayment(UUID invoice, InvoiceView.Payment payment, String recordedBy) {
        jdbc.sql("""
                INSERT INTO invoice_payment (invoice_id, amount, currency, reference, channel, recorded_by, paid_at)
                VALUES (:invoice, :amount, :currency, :reference, :channel, :by, :at)
                """).param("invoice", invoice).param("amount", payment.amount()).param("currency", payment.currency())
                .param("reference", payment.reference()).param("channel", payment.channel())
                .param("by", recordedBy).param("at", Timestamp.from(payment.paidAt())).update();
    }

    // ---------------------------------------------------------------- mapping

    private static TariffPlan plan(ResultSet rs) throws SQLException {
        return new TariffPlan(rs.getString("code"), names(rs), rs.getBigDecimal("price"), rs.getString("currency"),
                rs.getInt("period_days"), limits(rs), rs.getBoolean("active"));
    }

    private static FreeParticipationRule freeRule(ResultSet rs) throws SQLException {
        return new FreeParticipationRule(rs.getObject("id", UUID.class), rs.getString("industry"),
                rs.getBigDecimal("max_price"), rs.getString("currency"));
    }

    private static StoredSubscription subscription(ResultSet rs) throws SQLException {
        return new StoredSubscription(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getString("plan_code"), Map.of("en", rs.getString("plan_name_en"), "ru",
                        rs.getString("plan_name_ru"), "th", rs.getString("plan_name_th")),
                rs.getBigDecimal("price"), rs.getString("currency"), rs.getInt("period_days"), limits(rs),
                rs.getString("status"), rs.getObject("requested_by", UUID.class), instant(rs, "requested_at"),
                instant(rs, "starts_at"), instant(rs, "ends_at"));
    }

    private static StoredInvoice invoice(ResultSet rs) throws SQLException {
        InvoiceView.Party seller = new InvoiceView.Party(rs.getString("seller_name"), rs.getString("seller_tax_id"),
                null, null, rs.getString("seller_address"), rs.getString("seller_bank"),
                rs.getString("seller_account"));
        InvoiceView.Party buyer = new InvoiceView.Party(rs.getString("buyer_name"), rs.getString("buyer_tax_id"),
                rs.getString("buyer_kpp"), rs.getString("buyer_ogrn"), rs.getString("buyer_address"), null, null);
        Instant paidAt = instant(rs, "paid_at");
        InvoiceView.Payment payment = paidAt == null ? null : new InvoiceView.Payment(
                rs.getBigDecimal("paid_amount"), rs.getString("paid_currency"), rs.getString("paid_reference"),
                rs.getString("paid_channel"), paidAt);
        return new StoredInvoice(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("subscription_id", UUID.class), rs.getObject("organization_id", UUID.class),
                instant(rs, "issued_at"), seller, buyer, rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getString("payment_reference"), rs.getString("status"), payment, rs.getString("purpose"));
    }

    private static Map<String, String> names(ResultSet rs) throws SQLException {
        return Map.of("en", rs.getString("name_en"), "ru", rs.getString("name_ru"), "th", rs.getString("name_th"));
    }

    private static PlanLimits limits(ResultSet rs) throws SQLException {
        BigDecimal cap = rs.getBigDecimal("max_lot_start_price");
        return new PlanLimits(ProcedureFamilies.valueOf(rs.getString("families")), cap);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
