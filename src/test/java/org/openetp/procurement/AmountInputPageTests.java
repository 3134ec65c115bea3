package org.openetp.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.IntegrationTest;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Tender;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * Amounts typed into page forms as the reader's locale writes them (issue 16): "1 150 000,00" in Russian with any of
 * the spaces people group digits with, "1,150,000.00" in English, plain "1150000.00" everywhere; an amount that is
 * unreadable or could mean two things in that locale is refused beside its field, with what was typed kept.
 */
@IntegrationTest
class AmountInputPageTests {

    private static final BigDecimal PRICE = new BigDecimal("1150000.00");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    MessageSource messages;

    @Test
    void theStartPriceOfANewProcedureIsReadAsEachLocaleWritesIt() {
        Flows.Member buyer = new Flows(new Api(port)).accreditedMember();
        Transfers browser = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("1,150,000.00", "en");
        typed.put("1150000.00", "th");
        typed.put("1 150 000,00", "ru");
        typed.put("1\u00a0150\u00a0000,00", "ru");
        typed.put("1\u202f150\u202f000,00", "ru");
        typed.put("1150000.00 ", "ru");
        typed.forEach((text, language) -> {
            Api.Response created = create(browser, language, text);
            assertThat(created.status()).as("%s in %s: %s", text, language, created.body()).isEqualTo(302);
            String id = created.header("Location").replaceFirst(".*/procedures/", "");
            BigDecimal stored = new BigDecimal(new Api(port).get("/api/v1/procedures/" + id, Api.bearer(buyer.token()))
                    .json().path("lots").get(0).path("startPrice").asString());
            assertThat(stored).as("%s in %s", text, language).isEqualByComparingTo(PRICE);
        });
    }

    @Test
    void aStartPriceThatCouldMeanTwoThingsIsRefusedBesideTheFieldWithTheFormKept() {
        Flows.Member buyer = new Flows(new Api(port)).accreditedMember();
        Transfers browser = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD);
        for (String[] typed : new String[][] {{"1150000,00", "en"}, {"1,150,000.00", "ru"}, {"12a", "th"}}) {
            Api.Response refused = create(browser, typed[1], typed[0]);
            assertThat(refused.status()).as("%s in %s", typed[0], typed[1]).isEqualTo(200);
            assertThat(refused.body()).as("%s in %s", typed[0], typed[1]).contains("id=\"error-lot-price\"",
                    message("input.amount.unreadable", typed[1]), "value=\"" + typed[0] + "\"",
                    "value=\"Office chairs\"");
        }
    }

    @Test
    void aBidPriceIsReadInTheBiddersLocaleAndAnUnreadableOneIsShownAgainBesideIt() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(3)), false);
        Transfers browser = Transfers.loggedIn(port, supplier.email(), Registrations.PASSWORD);
        String page = "/procedures/" + tender.id();
        String bid = page + "/lots/" + tender.lot() + "/bid";

        String csrf = Transfers.csrf(browser.page(page + "?lang=en").body());
        Api.Response unreadable = browser.form(bid, Map.of("price", "99000,00", "_csrf", csrf));
        assertThat(unreadable.status()).isEqualTo(302);
        String shownAgain = browser.page(page).body();
        assertThat(shownAgain).contains("id=\"error-price-1\"", message("input.amount.unreadable", "en"),
                "value=\"99000,00\"");
        assertThat(shownAgain).as("no bid placed").doesNotContain("own-bid-price");

        csrf = Transfers.csrf(browser.page(page + "?lang=ru").body());
        assertThat(browser.form(bid, Map.of("price", "99\u00a0000,50", "_csrf", csrf)).status()).isEqualTo(302);
        assertThat(new BigDecimal(api.get(tender.bids(), Api.bearer(supplier.token())).json().get(0).path("price")
                .asString())).isEqualByComparingTo("99000.50");
    }

    /** Posts the new-procedure form as a browser in {@code language} would, with the start price typed so. */
    private Api.Response create(Transfers browser, String language, String startPrice) {
        String csrf = Transfers.csrf(browser.page("/procedures/new?lang=" + language).body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("kind", "REQUEST_FOR_QUOTATIONS");
        form.put("title", "Office chairs");
        form.put("description", "Forty office chairs");
        form.put("currency", "RUB");
        form.put("submissionDeadline", LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(3)),
                ZoneOffset.UTC).withSecond(0).withNano(0).toString());
        form.put("lots[0].title", "Chairs");
        form.put("lots[0].categoryCode", "26.2");
        form.put("lots[0].quantity", "40");
        form.put("lots[0].unit", "pcs");
        form.put("lots[0].startPrice", startPrice);
        form.put("lots[0].deliveryRegion", "RU-MOW");
        return browser.form("/procedures/new", form);
    }

    private String message(String key, String language) {
        return messages.getMessage(key, null, Locale.forLanguageTag(language));
    }
}
