package org.openetp.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

class AuthenticationApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Test
    void locksTheAccountAfterFiveWrongPasswordsUntilTheLockoutPasses() {
        Flows.Member member = flows.confirmedMember(Registrations.russianLlc());

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(tokenWith(member.email(), "wrong-" + attempt).status()).isEqualTo(401);
        }
        Api.Response fifth = tokenWith(member.email(), "wrong-5");
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(Long.parseLong(fifth.header("Retry-After"))).isBetween(1L, 900L);

        assertThat(tokenWith(member.email(), Registrations.PASSWORD).status())
                .as("the right password is refused while locked").isEqualTo(429);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(tokenWith(member.email(), Registrations.PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        Flows.Member member = flows.confirmedMember(Registrations.russianLlc());
        for (int attempt = 1; attempt <= 4; attempt++) {
            tokenWith(member.email(), "wrong-" + attempt);
        }
        assertThat(tokenWith(member.email(), Registrations.PASSWORD).status()).isEqualTo(201);

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(tokenWith(member.email(), "wrong-again-" + attempt).status()).isEqualTo(401);
        }
    }

    @Test
    void anUnknownEmailIsTheSameAnswerAsAWrongPassword() {
        Api.Response response = tokenWith("nobody@test.openetp.local", "whatever-1");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("code").asString()).isEqualTo("login.error.bad_credentials");
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnceAndTokensAreNeverListedWithTheirSecret() {
        Flows.Member member = flows.confirmedMember(Registrations.russianLlc());
        Api.Response listed = api.get("/api/v1/tokens", Api.bearer(member.token()));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(member.token());
        String id = listed.json().get(0).path("id").asString();

        assertThat(api.delete("/api/v1/tokens/" + id, Api.bearer(member.token())).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/organizations/mine", Api.bearer(member.token())).status()).isEqualTo(401);
    }

    @Test
    void aUserCannotRevokeSomebodyElsesToken() {
        Flows.Member owner = flows.confirmedMember(Registrations.russianLlc());
        Flows.Member other = flows.confirmedMember(Registrations.russianLlc());
        String id = api.get("/api/v1/tokens", Api.bearer(owner.token())).json().get(0).path("id").asString();

        assertThat(api.delete("/api/v1/tokens/" + id, Api.bearer(other.token())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/organizations/mine", Api.bearer(owner.token())).status()).isEqualTo(200);
    }

    @Test
    void theApiAnswersWithoutATokenWithAProblem() {
        Api.Response response = api.get("/api/v1/organizations/mine");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/organizations/mine", Api.bearer("oetp_made-up")).status()).isEqualTo(401);
    }

    private Api.Response tokenWith(String email, String password) {
        return api.post("/api/v1/tokens", Map.of(), Api.basic(email, password));
    }
}
