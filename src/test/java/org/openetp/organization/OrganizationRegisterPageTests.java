package org.openetp.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.openetp.support.TableHtml;
import org.openetp.support.Transfers;
import org.springframework.web.util.HtmlUtils;

/**
 * The operator's organization register (issue 17 item 6): found by a word of the name in another form, by the tax
 * id, by status; each name opens a card linking to every operator action; the accounts page finds by name; nobody
 * but the operator opens it.
 */
class OrganizationRegisterPageTests extends ApiTest {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private record Registered(Flows.Member member, String name, String taxId) {
    }

    private Registered register(String name, boolean accredit) {
        Map<String, Object> registration = Registrations.russianLlc();
        Registrations.organization(registration).put("shortName", name);
        Registrations.organization(registration).put("fullName", "ООО " + name);
        Flows.Member member = flows.confirmedMember(registration);
        if (accredit) {
            Api.Response decided = api.post("/api/v1/operator/organizations/" + member.organizationId()
                    + "/accreditation", Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken()));
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        }
        return new Registered(member, name, (String) Registrations.organization(registration).get("taxId"));
    }

    @Test
    void theOperatorFindsOrganizationsByAnotherFormOfTheNameByTaxIdAndByStatus() {
        String tag = tag();
        Registered accredited = register("Снежинки " + tag, true);
        Registered pending = register("Снежинки Север " + tag, false);
        Transfers operator = Transfers.loggedIn(port, Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);

        String byWord = page(operator, "/operator/organizations?q=" + enc("снежинка " + tag));
        assertThat(names(byWord)).containsExactlyInAnyOrder(accredited.name(), pending.name());
        assertThat(TableHtml.links(byWord, "register")).contains(
                "/operator/organizations/" + accredited.member().organizationId());

        assertThat(names(page(operator, "/operator/organizations?q=" + accredited.taxId())))
                .containsExactly(accredited.name());
        assertThat(names(page(operator, "/operator/organizations?status=PENDING&q=" + tag)))
                .containsExactly(pending.name());
    }

    @Test
    void theCardLinksToEveryOperatorActionAndShowsNoIdAsText() {
        Registered pending = register("Card Pending " + tag(), false);
        Transfers operator = Transfers.loggedIn(port, Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        String id = pending.member().organizationId();

        String card = page(operator, "/operator/organizations/" + id);

        assertThat(card).contains("href=\"/operator/accounts/" + id + "\"", "href=\"/organizations/" + id + "\"",
                "href=\"/operator/accreditation#pending-" + id + "\"",
                "href=\"/operator/audit?q=" + pending.name().replace(" ", "%20") + "\"");
        String visible = HtmlUtils.htmlUnescape(card.substring(card.indexOf("<main")).replaceAll("<[^>]*>", " "));
        assertThat(UUID_TEXT.matcher(visible).find()).as(visible).isFalse();
        assertThat(visible).contains(pending.taxId(), "ООО " + pending.name());
    }

    @Test
    void theAccountsPageFindsTheOrganizationByNameInTheRegister() {
        String accounts = page(Transfers.loggedIn(port, Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD),
                "/operator/accounts");

        assertThat(accounts).contains("action=\"/operator/organizations\"", "name=\"q\"")
                .doesNotContain("name=\"organizationId\"");
    }

    @Test
    void nobodyButTheOperatorOpensTheRegisterOrACard() {
        Registered someone = register("Outsider " + tag(), true);
        Transfers member = Transfers.loggedIn(port, someone.member().email(), Registrations.PASSWORD);

        assertThat(member.page("/operator/organizations").status()).isEqualTo(403);
        assertThat(member.page("/operator/organizations/" + someone.member().organizationId()).status())
                .isEqualTo(403);
    }

    private static String page(Transfers browser, String path) {
        Api.Response page = browser.page(path);
        assertThat(page.status()).as(path).isEqualTo(200);
        return page.body();
    }

    private static List<String> names(String html) {
        return TableHtml.rows(html, "register").stream().map(List::getFirst).toList();
    }

    /** Latin letters only: a word no stemmer changes and no other test's organization carries. */
    private static String tag() {
        // Each hex digit of a random id as one of 16 letters: a UUID may hold fewer than six of the letters a-f.
        StringBuilder tag = new StringBuilder("zr");
        UUID.randomUUID().toString().replace("-", "").chars().limit(8)
                .forEach(c -> tag.append((char) ('a' + Character.digit(c, 16))));
        return tag.append('x').toString(); // ends in x: no English suffix a stemmer takes off
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
