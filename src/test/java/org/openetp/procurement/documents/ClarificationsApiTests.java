package org.openetp.procurement.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ClarificationsApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    ProcedureFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProcedureFixture(api, clock);
    }

    @Test
    void theBuyerSeesTheQuestionButNeverWhoAskedIt() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member asker = flows.accreditedMember();
        String id = fixture.published(buyer, Duration.ofDays(10));

        Api.Response asked = ask(id, asker, "Is recycled paper acceptable?");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().path("yours").asBoolean()).isTrue();

        Api.Response forBuyer = api.get(questions(id), Api.bearer(buyer.token()));
        JsonNode question = forBuyer.json().get(0);
        assertThat(question.path("text").asString()).isEqualTo("Is recycled paper acceptable?");
        assertThat(question.path("yours").asBoolean()).isFalse();
        assertThat(question.propertyNames()).containsExactlyInAnyOrder("id", "text", "askedAt", "yours");
        UUID askerUser = jdbc.sql("SELECT id FROM app_user WHERE email = :email").param("email", asker.email())
                .query(UUID.class).single();
        assertThat(forBuyer.body()).doesNotContain(asker.organizationId()).doesNotContain(askerUser.toString())
                .doesNotContain(asker.email());
    }

    @Test
    void unansweredQuestionsAreSeenOnlyByTheBuyerAndTheAskerAndAnswersByEverybody() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member asker = flows.accreditedMember();
        Flows.Member other = flows.accreditedMember();
        String id = fixture.published(buyer, Duration.ofDays(10));
        String question = ask(id, asker, "What is the delivery address?").json().path("id").asString();

        assertThat(api.get(questions(id)).json().size()).as("anonymous").isZero();
        assertThat(api.get(questions(id), Api.bearer(other.token())).json().size()).isZero();
        assertThat(api.get(questions(id), Api.bearer(asker.token())).json().size()).isEqualTo(1);

        Api.Response answered = answer(id, question, buyer, "Moscow, Tverskaya 1, warehouse 3.");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);

        JsonNode answeredPublicly = api.get(questions(id)).json().get(0);
        assertThat(answeredPublicly.path("answer").asString()).isEqualTo("Moscow, Tverskaya 1, warehouse 3.");
        assertThat(answeredPublicly.path("yours").asBoolean()).isFalse();
        assertThat(api.get(questions(id), Api.bearer(other.token())).json().get(0).path("yours").asBoolean())
                .isFalse();
        assertThat(api.get(questions(id), Api.bearer(asker.token())).json().get(0).path("yours").asBoolean())
                .isTrue();
    }

    @Test
    void anAnswerIsJournaledInTheProceduresStream() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member asker = flows.accreditedMember();
        String id = fixture.published(buyer, Duration.ofDays(10));
        String question = ask(id, asker, "May we deliver in two batches?").json().path("id").asString();

        answer(id, question, buyer, "Yes.");

        String details = jdbc.sql("""
                SELECT details::text FROM audit_entry WHERE stream = :stream AND action = 'QUESTION_ANSWERED'
                """).param("stream", "procedure:" + id).query(String.class).single();
        assertThat(details).contains(question).doesNotContain(asker.organizationId());
    }

    @Test
    void onlyTheBuyerAnswersAndOnlyOnce() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member asker = flows.accreditedMember();
        String id = fixture.published(buyer, Duration.ofDays(10));
        String question = ask(id, asker, "Which paper brand?").json().path("id").asString();

        assertThat(answer(id, question, asker, "Any brand, says the asker").status()).isEqualTo(403);
        assertThat(api.post(questions(id) + "/" + question + "/answer", Map.of("text", "anonymous")).status())
                .isEqualTo(401);
        assertThat(answer(id, question, buyer, " ").errorFields()).containsExactly("text");
        assertThat(answer(id, question, buyer, "Any brand.").status()).isEqualTo(200);
        assertThat(answer(id, question, buyer, "Changed my mind.").status()).isEqualTo(409);
        assertThat(api.get(questions(id)).json().get(0).path("answer").asString()).isEqualTo("Any brand.");
        assertThat(answer(id, UUID.randomUUID().toString(), buyer, "Nothing to answer").status()).isEqualTo(404);
    }

    @Test
    void aLateQuestionIsRefusedWithTheServerTime() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member asker = flows.accreditedMember();
        String id = fixture.published(buyer, Duration.ofDays(10));
        Instant questionsUntil = Instant.parse(fixture.procedure(id).path("clarificationDeadline").asString());
        clock.advance(Duration.between(clock.instant(), questionsUntil));

        Api.Response late = ask(id, asker, "Still time?");

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("code").asString()).isEqualTo("question.late");
        assertThat(late.json().path("detail").asString()).contains(clock.instant().toString());
        assertThat(jdbc.sql("SELECT count(*) FROM question WHERE procedure_id = :id::uuid").param("id", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void refusesEmptyOrTooLongQuestionsAndAskersWhoMayNotAsk() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member asker = flows.accreditedMember();
        Flows.Member unaccredited = flows.confirmedMember(Registrations.russianLlc());
        String id = fixture.published(buyer, Duration.ofDays(10));
        String draft = fixture.draft(buyer, Duration.ofDays(10)).path("id").asString();

        assertThat(ask(id, asker, "").errorFields()).containsExactly("text");
        assertThat(ask(id, asker, "?".repeat(5001)).errorFields()).containsExactly("text");
        assertThat(ask(id, buyer, "A question to ourselves").status()).isEqualTo(403);
        assertThat(ask(id, unaccredited, "Not accredited yet").status()).isEqualTo(403);
        assertThat(ask(draft, asker, "About a draft").status()).isEqualTo(404);
        assertThat(api.get(questions(draft)).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM question WHERE procedure_id IN (:id::uuid, :draft::uuid)")
                .param("id", id).param("draft", draft).query(Long.class).single()).isZero();
        assertThat(ask(id, asker, "A fine question").status()).isEqualTo(201);
    }

    private Api.Response ask(String id, Flows.Member who, String text) {
        return api.post(questions(id), Map.of("text", text), Api.bearer(who.token()));
    }

    private Api.Response answer(String id, String question, Flows.Member who, String text) {
        return api.post(questions(id) + "/" + question + "/answer", Map.of("text", text), Api.bearer(who.token()));
    }

    private static String questions(String id) {
        return "/api/v1/procedures/" + id + "/questions";
    }
}
