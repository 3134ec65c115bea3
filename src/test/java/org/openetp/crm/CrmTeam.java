package org.openetp.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import tools.jackson.databind.JsonNode;

/**
 * A supplier's sales team for CRM tests: the organization's founder (its admin, so the head) and managers added
 * as members with the SUPPLIER role. Managers belong to their own registration's organization too, so their calls
 * name the team's organization.
 */
record CrmTeam(Api api, Flows.Member head, String org) {

    /** The date of the next action every test deal is created with: beyond any day a test moves the clock to. */
    static final String NEXT_ACTION_DATE = "2031-01-15";

    static CrmTeam accredited(Api api, Flows flows) {
        Flows.Member head = flows.accreditedMember();
        return new CrmTeam(api, head, head.organizationId());
    }

    static CrmTeam confirmed(Api api, Flows flows, Map<String, Object> registration) {
        Flows.Member head = flows.confirmedMember(registration);
        return new CrmTeam(api, head, head.organizationId());
    }

    /** A new member with the SUPPLIER role, his CRM channel and head-office flag set by the head. */
    Manager manager(Flows flows, String channel, boolean headOffice) {
        Flows.Member user = flows.confirmedMember(Registrations.russianLlc());
        Api.Response added = api.post("/api/v1/organizations/" + org + "/members",
                Map.of("email", user.email(), "roles", List.of("SUPPLIER")), Api.bearer(head.token()));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String userId = added.json().path("user").asString();
        Api.Response profile = api.put("/api/v1/crm/managers/" + userId + "?organizationId=" + org,
                Map.of("channel", channel, "headOffice", headOffice), Api.bearer(head.token()));
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        return new Manager(userId, user.token());
    }

    /** A team member: his user id and API token. */
    record Manager(String id, String token) {

        String[] auth() {
            return Api.bearer(token);
        }
    }

    String[] headAuth() {
        return Api.bearer(head.token());
    }

    /** The head's own user id. */
    String headId() {
        return api.get("/api/v1/crm/me?organizationId=" + org, headAuth()).json().path("userId").asString();
    }

    JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    String account(String[] auth, Map<String, Object> body) {
        return created(api.post("/api/v1/crm/accounts?organizationId=" + org, body, auth)).path("id").asString();
    }

    String deal(String[] auth, String account, String title, String value) {
        return created(api.post("/api/v1/crm/deals", Map.of("accountId", account, "title", title, "value", value,
                "nextAction", "First call", "nextActionDate", NEXT_ACTION_DATE), auth)).path("id").asString();
    }

    Api.Response move(String[] auth, String deal, String stage) {
        return api.post("/api/v1/crm/deals/" + deal + "/stage", Map.of("stage", stage), auth);
    }

    Api.Response call(String[] auth, String account) {
        return api.post("/api/v1/crm/activities", Map.of("accountId", account, "kind", "CALL", "note", "hello"),
                auth);
    }
}
