package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openetp.support.ApiTest;

/**
 * The liveness and readiness probes answer anyone (issue 23): HAProxy checks liveness to tell a dead app node from a
 * live one whose database is failing over; readiness tells when a starting node may take requests. The rest of the
 * actuator stays private.
 */
class HealthProbesTests extends ApiTest {

    @Test
    void theProbesAnswerWithoutLoggingIn() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            assertThat(api.get(probe).status()).as(probe).isEqualTo(200);
            assertThat(api.get(probe).json().path("status").asString()).as(probe).isEqualTo("UP");
        }
        assertThat(api.get("/actuator/prometheus").status()).as("metrics stay private").isNotEqualTo(200);
    }
}
