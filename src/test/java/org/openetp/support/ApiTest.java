package org.openetp.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An API test against the running platform: {@link #api} speaks HTTP, {@link #flows} takes a newcomer's steps. */
@IntegrationTest
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    protected Api api;
    protected Flows flows;

    @BeforeEach
    void connect() {
        api = new Api(port);
        flows = new Flows(api);
    }
}
