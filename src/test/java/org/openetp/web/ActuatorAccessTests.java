package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;

class ActuatorAccessTests extends ApiTest {

    @Test
    void healthStaysOpenForLoadBalancers() {
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void metricsRefuseAnAnonymousCaller() {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics"}) {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void metricsRefuseAPendingOrganizationsUserAndAnOrdinaryMember() {
        Flows.Member pending = flows.confirmedMember(Registrations.russianLlc());
        Flows.Member member = flows.accreditedMember();
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics"}) {
            assertThat(api.get(path, Api.bearer(pending.token())).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, Api.bearer(member.token())).status()).as(path).isEqualTo(403);
        }
    }

    @Test
    void anOperatorsTokenScrapesTheMetrics() {
        String operator = flows.operatorToken();

        Api.Response prometheus = api.get("/actuator/prometheus", Api.bearer(operator));
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        assertThat(api.get("/actuator/metrics", Api.bearer(operator)).status()).isEqualTo(200);
    }

    @Test
    void aMadeUpTokenIsRefused() {
        assertThat(api.get("/actuator/prometheus", Api.bearer("oetp_made-up")).status()).isEqualTo(401);
    }
}
