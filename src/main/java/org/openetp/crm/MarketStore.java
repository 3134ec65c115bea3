package org.openetp.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.CrmViews.CompetitorClient;
import org.openetp.crm.CrmViews.CompetitorView;
import org.openetp.crm.CrmViews.QuoteView;
import org.openetp.crm.CrmViews.SegmentView;
import org.openetp.crm.CrmViews.SpendView;
import org.openetp.crm.CrmViews.SupplierView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The CRM's SQL for the supplier base, competitors, segments and channel economics. Every query names the
 * organization, so no row of another organization is ever read or changed.
 */
@Repository
class MarketStore {

    private final JdbcClient jdbc;

    MarketStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }
    // ---- supplier base

    void insertSupplier(UUID org, UUID id, String name, @Nullable String contact, @Nullable String region,
            @Nullable String terms) {
        jdbc.sql("""
                INSERT INTO crm_supplier (id, organization_id, name, contact, region, terms)
                VALUES (:id, :org, :name, :contact, :region, :terms)""")
                .param("id", id).param("org", org).param("name", name).param("contact", contact)
                .param("region", region).param("terms", terms).update();
    }

    Optional<UUID> supplierOrganization(UUID id) {
        return jdbc.sql("SELECT organization_id FROM crm_supplier WHERE id = :id").param("id", id)
                .query(UUID.class).optional();
    }

    Optional<UUID> supplierByName(UUID org, String name) {
        return jdbc.sql("SELECT id FROM crm_supplier WHERE organization_id = :org AND lower(name) = lower(:name)")
                .param("org", org).param("name", name).query(UUID.class).optional();
    }

    List<SupplierView> suppliers(UUID org) {
        return jdbc.sql("""
                SELECT s.*, (SELECT count(*) FROM crm_quote q WHERE q.supplier_id = s.id) AS quotes
                FROM crm_supplier s WHERE s.organization_id = :org ORDER BY s.name""")
                .param("org", org)
                .query((rs, n) -> new SupplierView(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("contact"), rs.getString("region"), rs.getString("terms"), rs.getLong("quotes")))
                .list();
    }

    void insertQuote(UUID org, UUID id, UUID supplier, String product, String niche, BigDecimal volume, String unit,
            BigDecimal price, String currency) {
        jdbc.sql("""
                INSERT INTO crm_quote (id, organization_id, supplier_id, product, niche, volume, unit, price, currency)
                VALUES (:id, :org, :supplier, :product, :niche, :volume, :unit, :price, :currency)""")
                .param("id", id).param("org", org).param("supplier", supplier).param("product", product)
                .param("niche", niche).param("volume", volume).param("unit", unit).param("price", price)
                .param("currency", currency).update();
    }

    List<QuoteView> quotes(UUID org, @Nullable UUID supplier) {
        return jdbc.sql("""
                SELECT q.*, s.name AS supplier_name FROM crm_quote q JOIN crm_supplier s ON s.id = q.supplier_id
                WHERE q.organization_id = :org AND (CAST(:supplier AS UUID) IS NULL OR q.supplier_id = :supplier)
                ORDER BY q.product, q.price""")
                .param("org", org).param("supplier", supplier)
                .query((rs, n) -> new QuoteView(rs.getObject("id", UUID.class), rs.getObject("supplier_id", UUID.class),
                        rs.getString("supplier_name"), rs.getString("product"), rs.getString("niche"),
                        rs.getBigDecimal("volume"), rs.getString("unit"), rs.getBigDecimal("price"),
                        rs.getString("currency"))).list();
    }

    // ---- competitors

    void insertCompetitor(UUID org, UUID id, CrmCommands.NewCompetitor c, String name, String strengths) {
        jdbc.sql("""
                INSERT INTO crm_competitor (id, organization_id, name, advertising, visibility, website, price_min,
                    price_max, currency, strengths, weaknesses)
                VALUES (:id, :org, :name, :advertising, :visibility, :website, :min, :max, :currency, :strengths,
                    :weaknesses)""")
                .param("id", id).param("org", org).param("name", name)
                .param("advertising", CrmStore.blank(c.advertising()))
                .param("visibility", CrmStore.blank(c.visibility())).param("website", CrmStore.blank(c.website()))
                .param("min", c.priceMin()).param("max", c.priceMax()).param("currency", CrmStore.blank(c.currency()))
                .param("strengths", strengths).param("weaknesses", CrmStore.blank(c.weaknesses())).update();
    }

    Optional<UUID> competitorOrganization(UUID id) {
        return jdbc.sql("SELECT organization_id FROM crm_competitor WHERE id = :id").param("id", id)
                .query(UUID.class).optional();
    }

    void insertCompetitorClient(UUID competitor, String client, LocalDate since) {
        jdbc.sql("INSERT INTO crm_competitor_client (competitor_id, client, since) VALUES (:c, :client, :since)")
                .param("c", competitor).param("client", client).param("since", since).update();
    }

    List<CompetitorView> competitors(UUID org, @Nullable UUID id, LocalDate today) {
        List<CompetitorView> list = new ArrayList<>();
        jdbc.sql("SELECT * FROM crm_competitor WHERE organization_id = :org "
                        + "AND (CAST(:id AS UUID) IS NULL OR id = :id) ORDER BY name")
                .param("org", org).param("id", id).query((rs, n) -> {
                    UUID cid = rs.getObject("id", UUID.class);
                    return new CompetitorView(cid, rs.getString("name"), rs.getString("advertising"),
                            rs.getString("visibility"), rs.getString("website"), rs.getBigDecimal("price_min"),
                            rs.getBigDecimal("price_max"), rs.getString("currency"), rs.getString("strengths"),
                            rs.getString("weaknesses"), List.of());
                }).list().forEach(c -> list.add(new CompetitorView(c.id(), c.name(), c.advertising(), c.visibility(),
                        c.website(), c.priceMin(), c.priceMax(), c.currency(), c.strengths(), c.weaknesses(),
                        jdbc.sql("SELECT client, since FROM crm_competitor_client WHERE competitor_id = :c "
                                        + "ORDER BY since")
                                .param("c", c.id())
                                .query((rs, n) -> {
                                    LocalDate since = rs.getObject("since", LocalDate.class);
                                    return new CompetitorClient(rs.getString("client"), since,
                                            Math.max(0, java.time.temporal.ChronoUnit.MONTHS.between(since, today)));
                                }).list())));
        return list;
    }

    // ---- segments

    void insertSegment(UUID org, UUID id, String name, @Nullable String region, @Nullable BigDecimal min,
            @Nullable BigDecimal max, @Nullable String role) {
        jdbc.sql("""
                INSERT INTO crm_segment (id, organization_id, name, region, volume_min, volume_max, market_role)
                VALUES (:id, :org, :name, :region, :min, :max, :role)""")
                .param("id", id).param("org", org).param("name", name).param("region", region).param("min", min)
                .param("max", max).param("role", role).update();
    }

    Optional<UUID> segmentOrganization(UUID id) {
        return jdbc.sql("SELECT organization_id FROM crm_segment WHERE id = :id").param("id", id)
                .query(UUID.class).optional();
    }

    static final String SEGMENT_MATCH = """
            a.organization_id = s.organization_id
              AND (s.region IS NULL OR a.region = s.region)
              AND (s.volume_min IS NULL OR a.purchase_volume >= s.volume_min)
              AND (s.volume_max IS NULL OR a.purchase_volume <= s.volume_max)
              AND (s.market_role IS NULL OR lower(a.market_role) = lower(s.market_role))""";

    List<SegmentView> segments(UUID org) {
        return jdbc.sql("SELECT s.*, (SELECT count(*) FROM crm_account a WHERE " + SEGMENT_MATCH + ") AS accounts "
                        + "FROM crm_segment s WHERE s.organization_id = :org ORDER BY s.name")
                .param("org", org)
                .query((rs, n) -> new SegmentView(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("region"), rs.getBigDecimal("volume_min"), rs.getBigDecimal("volume_max"),
                        rs.getString("market_role"), rs.getLong("accounts"))).list();
    }

    List<UUID> segmentAccounts(UUID org, UUID segment) {
        return jdbc.sql("SELECT a.id FROM crm_segment s JOIN crm_account a ON " + SEGMENT_MATCH
                        + " WHERE s.id = :segment AND s.organization_id = :org ORDER BY a.name")
                .param("org", org).param("segment", segment).query(UUID.class).list();
    }

    // ---- channel economics

    void insertSpend(UUID org, UUID id, Channel channel, BigDecimal amount, LocalDate on, @Nullable String note) {
        jdbc.sql("""
                INSERT INTO crm_channel_spend (id, organization_id, channel, amount, spent_on, note)
                VALUES (:id, :org, :channel, :amount, :on, :note)""")
                .param("id", id).param("org", org).param("channel", channel.name()).param("amount", amount)
                .param("on", on).param("note", note).update();
    }

    List<SpendView> spend(UUID org) {
        return jdbc.sql("SELECT * FROM crm_channel_spend WHERE organization_id = :org ORDER BY spent_on DESC")
                .param("org", org)
                .query((rs, n) -> new SpendView(rs.getObject("id", UUID.class), rs.getString("channel"),
                        rs.getBigDecimal("amount"), rs.getObject("spent_on", LocalDate.class), rs.getString("note")))
                .list();
    }

    /** Per channel: spend, clients acquired (accounts it found that won a deal), won value (by the deal's channel). */
    record ChannelTotals(Channel channel, BigDecimal spend, long clients, BigDecimal wonValue) {
    }

    /** Every channel's totals in one statement (one per channel before: four per board and market view). */
    List<ChannelTotals> channelTotals(UUID org) {
        return jdbc.sql("""
                SELECT c.channel,
                  (SELECT coalesce(sum(amount), 0) FROM crm_channel_spend WHERE organization_id = :org
                     AND channel = c.channel) AS spend,
                  (SELECT count(*) FROM crm_account a WHERE a.organization_id = :org AND a.finder_channel = c.channel
                     AND EXISTS (SELECT 1 FROM crm_deal d WHERE d.account_id = a.id AND d.stage = 'CLOSE')) AS clients,
                  (SELECT coalesce(sum(value), 0) FROM crm_deal WHERE organization_id = :org AND stage = 'CLOSE'
                     AND channel = c.channel) AS won
                FROM unnest(CAST(:channels AS VARCHAR[])) WITH ORDINALITY AS c(channel, n) ORDER BY c.n""")
                .param("org", org)
                .param("channels", Arrays.stream(Channel.values()).map(Channel::name).toArray(String[]::new))
                .query((rs, n) -> new ChannelTotals(Channel.valueOf(rs.getString("channel")),
                        rs.getBigDecimal("spend"), rs.getLong("clients"), rs.getBigDecimal("won"))).list();
    }
}
