package org.openetp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.IntegrationTest;
import org.openetp.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the foundation changes lands in the journal: registration, confirmation, accreditation, members, tokens. */
@IntegrationTest
class JournalCoverageTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyFoundationStateChangeIsJournaledInItsStream() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        Flows.Member member = flows.accreditedMember();
        String userId = jdbc.sql("SELECT id::text FROM app_user WHERE email = :email").param("email", member.email())
                .query(String.class).single();
        String tokenId = api.get("/api/v1/tokens", Api.bearer(member.token())).json().get(0).path("id").asString();
        api.delete("/api/v1/tokens/" + tokenId, Api.bearer(member.token()));

        assertThat(actions("organization:" + member.organizationId()))
                .containsExactly("ORGANIZATION_REGISTERED", "MEMBER_ADDED", "ORGANIZATION_ACCREDITED");
        assertThat(actions("user:" + userId))
                .containsExactly("USER_REGISTERED", "EMAIL_CONFIRMED", "API_TOKEN_ISSUED", "API_TOKEN_REVOKED");


        Api.Response entries = api.get("/api/v1/audit/entries?stream=organization:" + member.organizationId(),
                Api.bearer(flows.operatorToken()));
        assertThat(entries.status()).isEqualTo(200);
        assertThat(entries.json().size()).isEqualTo(3);
        String freshToken = flows.token(member.email(), Registrations.PASSWORD);
        assertThat(api.get("/api/v1/audit/entries", Api.bearer(freshToken)).status()).isEqualTo(403);
    }

    @Test
    void aRefusedRegistrationLeavesNoTrace() {
        Api api = new Api(port);
        Map<String, Object> registration = Registrations.russianLlc();
        Registrations.organization(registration).put("kpp", "bad");
        long before = jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();

        assertThat(api.post("/api/v1/registrations", registration).status()).isEqualTo(400);

        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single()).isEqualTo(before);
    }

    private List<String> actions(String stream) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE stream = :stream ORDER BY stream_seq")
                .param("stream", stream).query(String.class).list();
    }
}
