package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.openetp.support.Transfers;

/**
 * The pages whose forms ask first render the question in the reader's language, with the thing's name: an order
 * awaiting payment, an API token, a member of the organization.
 */
class ConfirmationPagesTests extends ApiTest {

    @Test
    void pagesCarryTheirQuestionsInTheReadersLanguage() {
        Flows.Member admin = flows.accreditedMember(); // taking its API token made one to revoke
        Api.Response ordered = api.post("/api/v1/subscriptions", Map.of("planCode", "FULL"),
                Api.bearer(admin.token()));
        assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
        Transfers browser = Transfers.loggedIn(port, admin.email(), Registrations.PASSWORD);

        Api.Response subscriptions = browser.page("/subscriptions?lang=ru");
        assertThat(subscriptions.status()).isEqualTo(200);
        assertThat(subscriptions.body()).contains("data-confirm=\"Отменить этот заказ? Счёт по нему оплачивать не нужно.\"",
                "id=\"confirm-dialog\"", "Подтвердите действие");
        Api.Response account = browser.page("/account?lang=en");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains("data-confirm=\"Revoke this token? Every script or integration using it "
                + "is refused from now on.\"");
        Api.Response profile = browser.page("/organizations/" + admin.organizationId() + "?lang=en");
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body()).contains("data-confirm=\"Remove Ivan Petrov from the organization?");
    }
}
