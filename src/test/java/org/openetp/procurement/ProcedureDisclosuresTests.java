package org.openetp.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.analytics.AwardedQuotation;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Tender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The batched disclosure tells exactly what the disclosure of one procedure tells, for every kind of state: awarded
 * with its contract, cancelled, open with sealed bids (no bids shown), and leaves a draft out; in the ids' order.
 */
class ProcedureDisclosuresTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcedureDisclosure one;

    @Autowired
    ProcedureDisclosures many;

    @Test
    void manyAtOnceDiscloseWhatEachDisclosesAlone() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member loser = flows.entitledSupplier();
        Flows.Member winner = flows.entitledSupplier();
        Tender awarded = AwardedQuotation.award(api, clock, procurement, jdbc, buyer, loser, winner);
        Tender sealed = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(3)), false);
        assertThat(api.post(sealed.bids(), Map.of("price", "98000.00"), Api.bearer(winner.token())).status())
                .isEqualTo(201);
        Tender cancelled = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(3)), false);
        api.post("/api/v1/procedures/" + cancelled.id() + "/cancel", Map.of("reason", "No budget"),
                Api.bearer(buyer.token()));
        UUID draft = UUID.fromString(api.post("/api/v1/procedures", Map.of("kind", "REQUEST_FOR_QUOTATIONS",
                "title", "Draft", "description", "Never published", "currency", "RUB", "submissionDeadline",
                clock.instant().plus(Duration.ofDays(3)).toString(), "lots", List.of(Map.of("title", "Paper",
                        "categoryCode", "26.2", "quantity", 1, "unit", "box", "startPrice", "100.00"))),
                Api.bearer(buyer.token())).json().path("id").asString());

        // Every procedure of the database (other tests' too: more states), in an order that is not the table's.
        List<ProcedureId> ids = new ArrayList<>(jdbc.sql("SELECT id FROM procedure ORDER BY md5(id::text) LIMIT 900")
                .query((rs, n) -> new ProcedureId(rs.getObject("id", UUID.class))).list());
        for (String id : List.of(awarded.id(), sealed.id(), cancelled.id(), draft.toString())) {
            if (!ids.contains(new ProcedureId(UUID.fromString(id)))) {
                ids.add(new ProcedureId(UUID.fromString(id)));
            }
        }
        List<PublicProcedure> alone = ids.stream().map(one::disclose).flatMap(Optional::stream).toList();
        List<PublicProcedure> together = many.disclose(ids);

        assertThat(together).isEqualTo(alone);
        assertThat(together).extracting(PublicProcedure::id).doesNotContain(new ProcedureId(draft));
        PublicProcedure won = find(together, awarded);
        assertThat(won.bids()).hasSize(2);
        assertThat(won.awards()).singleElement().satisfies(a -> assertThat(a.organization().toString())
                .isEqualTo(winner.organizationId()));
        assertThat(won.contracts()).isNotEmpty();
        assertThat(find(together, sealed).bids()).isNull();
        assertThat(find(together, cancelled).status()).isEqualTo(ProcedureStatus.CANCELLED);
        assertThat(many.disclose(List.of())).isEmpty();
        assertThat(many.disclose(List.of(new ProcedureId(draft)))).isEmpty();
    }

    @Test
    void refusesMoreThanOneStatementShouldCarry() {
        List<ProcedureId> tooMany = new ArrayList<>();
        for (int i = 0; i <= ProcedureDisclosures.MAX; i++) {
            tooMany.add(new ProcedureId(UUID.randomUUID()));
        }
        assertThatThrownBy(() -> many.disclose(tooMany)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PublicProcedure find(List<PublicProcedure> procedures, Tender tender) {
        return procedures.stream().filter(p -> p.id().value().toString().equals(tender.id())).findFirst()
                .orElseThrow();
    }
}
