package org.openetp.billing;

import org.junit.jupiter.api.BeforeEach;
import org.openetp.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A billing test against the running platform, with the {@link BillingFixture} ready (after ApiTest's client). */
abstract class BillingTest extends ApiTest {

    @Autowired
    protected JdbcClient jdbc;

    protected BillingFixture fixture;

    @BeforeEach
    void billingFixture() {
        fixture = new BillingFixture(api, jdbc);
    }
}
