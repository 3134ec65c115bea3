package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

/** The one formatter of amounts and times (issue 16, UI.md convention 4) in en, ru and th. */
class FormatsTest {

    private static final char NBSP = '\u00a0';
    private static final Instant MOMENT = Instant.parse("2026-12-07T11:03:00Z");

    private final Formats utc = formats(ZoneOffset.UTC);
    private final Formats moscow = formats(ZoneId.of("Europe/Moscow"));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void moneyIsGroupedInTheReadersLocaleWithItsCurrency() {
        BigDecimal amount = new BigDecimal("1234567.00");
        in("en");
        assertThat(utc.money(amount, "RUB")).isEqualTo("1,234,567.00" + NBSP + "RUB");
        in("th");
        assertThat(utc.money(amount, "RUB")).isEqualTo("1,234,567.00" + NBSP + "RUB");
        in("ru");
        assertThat(utc.money(amount, "RUB")).isEqualTo("1" + NBSP + "234" + NBSP + "567,00" + NBSP + "₽");
        assertThat(utc.money(amount, "USD")).isEqualTo("1" + NBSP + "234" + NBSP + "567,00" + NBSP + "USD");
    }

    @Test
    void moneyHasItsCurrencysDecimalsAndKeepsFinerOnes() {
        in("en");
        assertThat(utc.money(new BigDecimal("1234567"), "JPY")).isEqualTo("1,234,567" + NBSP + "JPY");
        assertThat(utc.money(new BigDecimal("5000"), "RUB")).isEqualTo("5,000.00" + NBSP + "RUB");
        assertThat(utc.money(new BigDecimal("0.125"), "USD")).as("no hidden rounding")
                .isEqualTo("0.125" + NBSP + "USD");
    }

    @Test
    void negativeAmountsAndMissingValues() {
        in("en");
        assertThat(utc.money(new BigDecimal("-1234.5"), "RUB")).isEqualTo("-1,234.50" + NBSP + "RUB");
        assertThat(utc.amount(new BigDecimal("-1000"))).isEqualTo("-1,000");
        assertThat(utc.money(null, "RUB")).isEmpty();
        assertThat(utc.amount(null)).isEmpty();
        assertThat(utc.dateTime(null)).isEmpty();
        assertThat(utc.date(null)).isEmpty();
        assertThat(utc.deadline(null)).isEmpty();
    }

    @Test
    void quantitiesKeepTheirOwnDecimals() {
        in("ru");
        assertThat(utc.amount(1000L)).isEqualTo("1" + NBSP + "000");
        assertThat(utc.amount(new BigDecimal("1234.5"))).isEqualTo("1" + NBSP + "234,5");
        assertThat(utc.amount(12.25, 1)).isEqualTo("12,2");
    }

    @Test
    void timesAreInTheReadersZoneWithTheZoneNamed() {
        in("en");
        assertThat(moscow.dateTime(MOMENT)).isEqualTo("Dec 7, 2026, 14:03 MSK");
        assertThat(utc.dateTime(MOMENT)).isEqualTo("Dec 7, 2026, 11:03 UTC");
        assertThat(moscow.date(LocalDate.of(2026, 12, 7))).isEqualTo("Dec 7, 2026");
        in("ru");
        assertThat(moscow.dateTime(MOMENT)).startsWith("7 дек. 2026").endsWith("14:03 MSK");
        in("th");
        assertThat(moscow.dateTime(MOMENT)).startsWith("7 ธ.ค. 2026").endsWith("14:03 MSK");
    }

    @Test
    void aDeadlineShowsTheServersTimeBesideWhenTheZonesDiffer() {
        in("en");
        assertThat(moscow.deadline(MOMENT)).isEqualTo("Dec 7, 2026, 14:03 MSK (server time 11:03 UTC)");
        assertThat(utc.deadline(MOMENT)).as("the reader is on server time").isEqualTo("Dec 7, 2026, 11:03 UTC");
        assertThat(moscow.deadline(Instant.parse("2026-12-07T22:30:00Z")))
                .as("another day on the server: its date named too")
                .isEqualTo("Dec 8, 2026, 01:30 MSK (server time Dec 7, 2026, 22:30 UTC)");
        assertThat(moscow.serverDateTime(MOMENT)).isEqualTo("Dec 7, 2026, 11:03 UTC");
    }

    @Test
    void liveAuctionTimesAreToTheSecond() {
        in("en");
        assertThat(moscow.time(MOMENT)).as("a round, in the reader's zone").isEqualTo("14:03:00 MSK");
        assertThat(moscow.clock(MOMENT)).as("the ticking server clock").isEqualTo("11:03:00");
        assertThat(moscow.time(null)).isEmpty();
    }

    private static void in(String language) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
    }

    /** A formatter whose reader is in {@code zone}, the server being on UTC. */
    private static Formats formats(ZoneId zone) {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("time.server", Locale.ENGLISH, "server time {0}");
        messages.setUseCodeAsDefaultMessage(true);
        ReaderZone zones = new ReaderZone(null, Clock.fixed(MOMENT, ZoneOffset.UTC)) {
            @Override
            ZoneId zone() {
                return zone;
            }
        };
        return new Formats(zones, messages);
    }
}
