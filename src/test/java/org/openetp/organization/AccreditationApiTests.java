package org.openetp.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.identity.Identity;
import org.openetp.identity.UserId;
import org.openetp.shared.ForbiddenException;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AccreditationApiTests extends ApiTest {

    @Autowired
    Organizations organizations;

    @Autowired
    Identity identity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyTheOperatorDecidesAccreditation() {
        Flows.Member member = flows.confirmedMember(Registrations.russianLlc());

        Api.Response self = api.post(decisionPath(member), Map.of("decision", "ACCREDITED"),
                Api.bearer(member.token()));

        assertThat(self.status()).isEqualTo(403);
        assertThat(status(member)).isEqualTo("PENDING");
    }

    @Test
    void theOperatorAccreditsAPendingOrganizationAndItsAdminIsMailed() {
        Flows.Member member = flows.confirmedMember(Registrations.russianLlc());

        Api.Response queue = api.get("/api/v1/operator/organizations", Api.bearer(flows.operatorToken()));
        assertThat(queue.json().valueStream().map(o -> o.path("id").asString())).contains(member.organizationId());

        Api.Response decided = api.post(decisionPath(member), Map.of("decision", "ACCREDITED"),
                Api.bearer(flows.operatorToken()));

        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.json().path("status").asString()).isEqualTo("ACCREDITED");
        assertThat(api.get("/api/v1/organizations/" + member.organizationId(), Api.bearer(member.token()))
                .json().path("status").asString()).isEqualTo("ACCREDITED");
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(member.email(), "accredited") == 1);
    }

    @Test
    void aDecisionIsTakenOnce() {
        Flows.Member member = flows.accreditedMember();

        Api.Response again = api.post(decisionPath(member), Map.of("decision", "REJECTED", "reason", "late"),
                Api.bearer(flows.operatorToken()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(status(member)).isEqualTo("ACCREDITED");
    }

    @Test
    void aRejectionNeedsAReasonWhichTheAdminIsToldAndCorrectingRequisitesResubmits() {
        Flows.Member member = flows.confirmedMember(Registrations.russianLlc());
        String operator = flows.operatorToken();

        Api.Response noReason = api.post(decisionPath(member), Map.of("decision", "REJECTED"), Api.bearer(operator));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        assertThat(status(member)).isEqualTo("PENDING");

        Api.Response rejected = api.post(decisionPath(member),
                Map.of("decision", "REJECTED", "reason", "The KPP does not match the tax office records"),
                Api.bearer(operator));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(status(member)).isEqualTo("REJECTED");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mailsTo(member.email(), "The KPP does not match the tax office records") == 1);

        Map<String, Object> requisites = Registrations.organization(Registrations.russianLlc());
        requisites.put("kpp", "773601002");
        Api.Response corrected = api.put("/api/v1/organizations/" + member.organizationId() + "/requisites",
                requisites, Api.bearer(member.token()));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(status(member)).isEqualTo("PENDING");
    }

    @Test
    void anUnaccreditedOrganizationCannotActAsBuyerOrSupplier() {
        Flows.Member member = flows.confirmedMember(Registrations.russianLlc());
        UserId user = identity.findByEmail(member.email()).orElseThrow().id();
        OrganizationId organization = new OrganizationId(UUID.fromString(member.organizationId()));

        for (Role role : new Role[] {Role.BUYER, Role.SUPPLIER}) {
            assertThatThrownBy(() -> organizations.requireRole(user, organization, role))
                    .isInstanceOf(ForbiddenException.class).hasMessage("organization.notAccredited");
        }
        api.post(decisionPath(member), Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken()));

        organizations.requireRole(user, organization, Role.BUYER);
        organizations.requireRole(user, organization, Role.SUPPLIER);
        assertThatThrownBy(() -> organizations.requireRole(user, organization, Role.COMMITTEE_MEMBER))
                .isInstanceOf(ForbiddenException.class).hasMessage("organization.role.missing");
    }

    private String decisionPath(Flows.Member member) {
        return "/api/v1/operator/organizations/" + member.organizationId() + "/accreditation";
    }

    private String status(Flows.Member member) {
        return jdbc.sql("SELECT status FROM organization WHERE id = :id::uuid").param("id", member.organizationId())
                .query(String.class).single();
    }

    private long mailsTo(String email, String bodyPart) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :to AND body LIKE :part")
                .param("to", email).param("part", "%" + bodyPart + "%").query(Long.class).single();
    }
}
