package org.openetp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.audit.JournalFixture.Row;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.IntegrationTest;
import org.openetp.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditControllerTests {

    private static final String VERIFY = "/api/v1/audit/verify";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;

    Api api;
    Flows flows;
    JournalFixture fixture;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        flows = new Flows(api);
        fixture = new JournalFixture(events, transactions, jdbc, clock, context);
    }

    @Test
    void reportsAnIntactJournalWithItsSize() {
        fixture.publish(fixture.event(JournalFixture.newStream(), "CREATED"));

        Api.Response response = api.get(VERIFY, Api.bearer(flows.operatorToken()));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("valid").asBoolean()).isTrue();
        assertThat(response.json().path("entries").asLong()).isEqualTo(fixture.totalEntries());
        assertThat(response.json().has("firstBadEntry")).isFalse();
    }

    @Test
    void namesTheFirstBadEntry() {
        String stream = JournalFixture.newStream();
        fixture.publish(fixture.event(stream, "CREATED"));
        Row edited = fixture.rows(stream).getFirst();
        String operator = flows.operatorToken();

        fixture.tamper("UPDATE audit_entry SET actor = 'someone else' WHERE id = ?", edited.id());
        try {
            Api.Response response = api.get(VERIFY, Api.bearer(operator));

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("valid").asBoolean()).isFalse();
            assertThat(response.json().path("entries").asLong()).isEqualTo(fixture.totalEntries());
            assertThat(response.json().path("firstBadEntry").asLong()).isEqualTo(edited.id());
        } finally {
            fixture.tamper("UPDATE audit_entry SET actor = ? WHERE id = ?", edited.actor(), edited.id());
        }
    }

    @Test
    void isForOperatorsOnly() {
        Flows.Member member = flows.confirmedMember(Registrations.russianLlc());

        assertThat(api.get(VERIFY).status()).isEqualTo(401);
        assertThat(api.get(VERIFY, Api.bearer(member.token())).status()).isEqualTo(403);
    }
}
