package org.openetp.procurement.tenders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The buyer of a closed tender finds the supplier to invite by a word of its name (issue 19 item 3): accredited
 * organizations only, invited with one button, no id typed.
 */
class InvitationSearchPageTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Test
    void theBuyerFindsAnAccreditedSupplierByNameAndInvitesIt() {
        String tag = "zs" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = member("Поставщики " + tag, true);
        member("Поставщики Ожидающие " + tag, false);
        TenderSupport tenders = new TenderSupport(api, flows);
        String id = tenders.create(buyer, "CLOSED_TENDER", "Closed " + tag, clock.instant().plus(Duration.ofDays(2)),
                Map.of()).path("id").asString();
        Transfers browser = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD);

        Api.Response found = browser.page("/procedures/" + id + "/invitations/find?q="
                + URLEncoder.encode("поставщик " + tag, StandardCharsets.UTF_8));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("ООО Поставщики " + tag, "value=\"" + supplier.organizationId() + "\"")
                .doesNotContain("Поставщики Ожидающие " + tag);
        Api.Response invited = browser.form("/procedures/" + id + "/invitations",
                Map.of("taxId", supplier.organizationId(), "_csrf", Transfers.csrf(found.body())));
        assertThat(invited.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/procedures/" + id + "/invitations", Api.bearer(buyer.token())).body())
                .contains(supplier.organizationId());

        Transfers outsider = Transfers.loggedIn(port, supplier.email(), Registrations.PASSWORD);
        assertThat(outsider.page("/procedures/" + id + "/invitations/find?q=" + tag).status()).isIn(403, 404);
    }

    private Flows.Member member(String name, boolean accredit) {
        Map<String, Object> registration = Registrations.russianLlc();
        Registrations.organization(registration).put("shortName", name);
        Registrations.organization(registration).put("fullName", "ООО " + name);
        Flows.Member member = flows.confirmedMember(registration);
        if (accredit) {
            Api.Response decided = api.post("/api/v1/operator/organizations/" + member.organizationId()
                    + "/accreditation", Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken()));
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        }
        return member;
    }
}
