package org.openetp.analytics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps {@code analytics_platform_period} (see its migration): per day and per month the organizations active in it
 * as sorted small numbers, and the procedures published that day. The platform's distinct count of a period unites
 * the sets of its whole months and of its ragged-end days in a bitmap (exact, a few thousand integers per month
 * rather than a row per buyer and day); its procedures per day read one row per day. Written by {@link DailyTotals}
 * under its day and month locks, after the day rows it reads the procedures from.
 */
@Repository
class PlatformPeriods {

    /** The organizations active in a span of publication: the buyers of its lots and the bidders on them. */
    private static final String ACTIVE = "SELECT buyer_id o FROM analytics_lot WHERE published_at >= :from"
            + " AND published_at < :to UNION SELECT bidder_id FROM analytics_bid WHERE published_at >= :from"
            + " AND published_at < :to";
    private static final String DAY = "CAST(published_at AT TIME ZONE 'UTC' AS DATE)";

    private final JdbcClient jdbc;

    PlatformPeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes the rows of the days and of their months; the caller holds their locks. */
    void recompute(SortedSet<LocalDate> days) {
        SortedSet<LocalDate> months = new TreeSet<>();
        for (LocalDate day : days) {
            months.add(day.withDayOfMonth(1));
            Timestamp from = ts(day);
            Timestamp to = ts(day.plusDays(1));
            number(from, to);
            jdbc.sql("DELETE FROM analytics_platform_period WHERE NOT monthly AND day = :day").param("day", day)
                    .update();
            jdbc.sql("INSERT INTO analytics_platform_period (monthly, day, procedures, organizations)"
                    + " SELECT FALSE, :day, (SELECT coalesce(sum(procedures), 0) FROM analytics_daily"
                    + " WHERE buyer_id = :platform AND NOT monthly AND day = :day), array_agg(g.idx ORDER BY g.idx)"
                    + " FROM (" + ACTIVE + ") a JOIN analytics_org g ON g.organization_id = a.o HAVING count(*) > 0")
                    .param("day", day).param("platform", DailyTotals.PLATFORM).param("from", from).param("to", to)
                    .update();
        }
        for (LocalDate month : months) {
            jdbc.sql("DELETE FROM analytics_platform_period WHERE monthly AND day = :m").param("m", month).update();
            jdbc.sql(months("AND day >= :m AND day < :next")).param("m", month).param("next", month.plusMonths(1))
                    .update();
        }
    }

    /** Recomputes every row from the read model's rows, after the daily totals' own recomputation. */
    void recomputeAll() {
        jdbc.sql("DELETE FROM analytics_platform_period").update();
        number(ts(LocalDate.of(1, 1, 1)), ts(LocalDate.of(9999, 1, 1)));
        jdbc.sql("INSERT INTO analytics_platform_period (monthly, day, procedures, organizations)"
                + " SELECT FALSE, a.day, coalesce(max(p.procedures), 0), array_agg(DISTINCT g.idx ORDER BY g.idx)"
                + " FROM (SELECT " + DAY + " AS day, buyer_id o FROM analytics_lot UNION"
                + " SELECT " + DAY + ", bidder_id FROM analytics_bid) a"
                + " JOIN analytics_org g ON g.organization_id = a.o"
                + " LEFT JOIN (SELECT day, sum(procedures) procedures FROM analytics_daily WHERE buyer_id = :platform"
                + " AND NOT monthly GROUP BY day) p ON p.day = a.day GROUP BY a.day")
                .param("platform", DailyTotals.PLATFORM).update();
        jdbc.sql(months("")).update();
    }

    /** The distinct organizations active in the period (the platform's, every category). */
    long organizations(Filter f) {
        // The text's own bytes (the driver's, no String made): a month holds thousands of numbers.
        List<byte[]> sets = IndicatorRepository.totals(jdbc.sql("SELECT array_to_string(organizations, ',')"
                + " FROM analytics_platform_period d WHERE " + PERIOD), f).query((rs, n) -> rs.getBytes(1)).list();
        long[] bits = new long[1024];
        for (byte[] set : sets) {
            bits = add(bits, set);
        }
        long count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /** The procedures published each day of the period that had any (the platform's, every category). */
    List<IndicatorRepository.DayCount> proceduresPerDay(Filter f) {
        return jdbc.sql("SELECT day, procedures FROM analytics_platform_period WHERE NOT monthly"
                + " AND day >= :fromDay AND day <= :toDay AND procedures > 0 ORDER BY day")
                .param("fromDay", f.from()).param("toDay", f.to())
                .query((rs, n) -> new IndicatorRepository.DayCount(rs.getObject("day", LocalDate.class),
                        rs.getLong("procedures")))
                .list();
    }

    /** The rows of a period, as the daily totals take theirs: days at the ragged ends, whole months between. */
    private static final String PERIOD = "((NOT d.monthly AND ((d.day >= :fromDay AND d.day < :monthsFrom)"
            + " OR (d.day >= :monthsTo AND d.day <= :toDay))) OR (d.monthly AND d.day >= :monthsFrom"
            + " AND d.day < :monthsTo))";

    /** Sets the bits of a comma-separated list of numbers in ASCII, parsed in place. */
    static long[] add(long[] bits, byte[] numbers) {
        int value = 0;
        boolean digits = false;
        for (int i = 0; i <= numbers.length; i++) {
            byte c = i < numbers.length ? numbers[i] : (byte) ',';
            if (c == ',') {
                if (digits) {
                    if ((value >>> 6) >= bits.length) {
                        bits = Arrays.copyOf(bits, Math.max(bits.length * 2, (value >>> 6) + 1));
                    }
                    bits[value >>> 6] |= 1L << value;
                }
                value = 0;
                digits = false;
            } else {
                value = value * 10 + (c - '0');
                digits = true;
            }
        }
        return bits;
    }

    /** Gives the organizations active in the span a number when they have none (in a fixed order: no deadlock). */
    private void number(Timestamp from, Timestamp to) {
        jdbc.sql("INSERT INTO analytics_org (organization_id) SELECT a.o FROM (" + ACTIVE + ") a"
                + " WHERE NOT EXISTS (SELECT 1 FROM analytics_org g WHERE g.organization_id = a.o) ORDER BY a.o"
                + " ON CONFLICT (organization_id) DO NOTHING").param("from", from).param("to", to).update();
    }

    /** The month rows from the day rows the condition selects (every day row with none). */
    private static String months(String days) {
        return "INSERT INTO analytics_platform_period (monthly, day, procedures, organizations)"
                + " SELECT TRUE, s.m, s.procedures, coalesce(o.organizations, '{}') FROM"
                + " (SELECT CAST(date_trunc('month', day) AS DATE) m, sum(procedures) procedures"
                + " FROM analytics_platform_period WHERE NOT monthly " + days + " GROUP BY m) s"
                + " LEFT JOIN (SELECT CAST(date_trunc('month', day) AS DATE) m,"
                + " array_agg(DISTINCT x ORDER BY x) organizations"
                + " FROM analytics_platform_period, unnest(organizations) x"
                + " WHERE NOT monthly " + days + " GROUP BY m) o ON o.m = s.m";
    }

    private static Timestamp ts(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
