package org.openetp.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;

/** One organization's members never read or change another organization's profile or members. */
class OrganizationIsolationTests extends ApiTest {

    @Test
    void anOutsiderCanNeitherSeeNorChangeAnotherOrganization() {
        Flows.Member owner = flows.confirmedMember(Registrations.russianLlc());
        Flows.Member outsider = flows.confirmedMember(Registrations.russianLlc());
        String org = "/api/v1/organizations/" + owner.organizationId();
        String[] auth = Api.bearer(outsider.token());

        assertThat(api.get(org, auth).status()).isEqualTo(404);
        assertThat(api.get(org + "/members", auth).status()).isEqualTo(404);
        assertThat(api.put(org + "/requisites", Registrations.organization(Registrations.russianLlc()), auth)
                .status()).isEqualTo(404);
        assertThat(api.post(org + "/members", Map.of("email", outsider.email(), "roles", List.of("ADMIN")), auth)
                .status()).isEqualTo(404);
        assertThat(api.get(org, Api.bearer(owner.token())).json().path("shortName").asString())
                .isEqualTo("Test LLC");
        assertThat(api.get(org + "/members", Api.bearer(owner.token())).json().size()).isEqualTo(1);
    }

    @Test
    void theAdminManagesMembersAndAMemberWithoutTheAdminRoleCannot() {
        Flows.Member admin = flows.confirmedMember(Registrations.russianLlc());
        Flows.Member colleague = flows.confirmedMember(Registrations.russianLlc());
        String org = "/api/v1/organizations/" + admin.organizationId();

        Api.Response added = api.post(org + "/members", Map.of("email", colleague.email(),
                "roles", List.of("COMMITTEE_MEMBER")), Api.bearer(admin.token()));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String colleagueId = added.json().path("user").asString();

        assertThat(api.get(org, Api.bearer(colleague.token())).status()).isEqualTo(200);
        assertThat(api.put(org + "/requisites", Registrations.organization(Registrations.russianLlc()),
                Api.bearer(colleague.token())).status()).isEqualTo(403);

        assertThat(api.put(org + "/members/" + colleagueId, Map.of("roles", List.of("BUYER")),
                Api.bearer(admin.token())).status()).isEqualTo(204);
        assertThat(api.delete(org + "/members/" + colleagueId, Api.bearer(admin.token())).status())
                .isEqualTo(204);
        assertThat(api.get(org, Api.bearer(colleague.token())).status()).isEqualTo(404);
    }

    @Test
    void theLastAdministratorCannotBeRemovedOrDemoted() {
        Flows.Member admin = flows.confirmedMember(Registrations.russianLlc());
        String org = "/api/v1/organizations/" + admin.organizationId();
        String self = api.get(org + "/members", Api.bearer(admin.token())).json().get(0).path("user").asString();

        Api.Response demoted = api.put(org + "/members/" + self, Map.of("roles", List.of("BUYER")),
                Api.bearer(admin.token()));
        assertThat(demoted.status()).isEqualTo(400);
        assertThat(demoted.errorFields()).containsExactly("roles");
        assertThat(api.delete(org + "/members/" + self, Api.bearer(admin.token())).status()).isEqualTo(400);
    }

    @Test
    void requisitesAreValidatedLikeAtRegistrationAndNothingChangesOnError() {
        Flows.Member admin = flows.confirmedMember(Registrations.russianLlc());
        String org = "/api/v1/organizations/" + admin.organizationId();
        Map<String, Object> change = Registrations.organization(Registrations.russianLlc());
        change.put("shortName", "Renamed");
        change.put("kpp", "12");

        Api.Response response = api.put(org + "/requisites", change, Api.bearer(admin.token()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("organization.kpp");
        assertThat(api.get(org, Api.bearer(admin.token())).json().path("shortName").asString())
                .isEqualTo("Test LLC");
    }
}
