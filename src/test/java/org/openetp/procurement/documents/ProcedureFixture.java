package org.openetp.procurement.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Transfers;
import tools.jackson.databind.JsonNode;

/** Procedures and sample files for the documentation and clarification tests, made through the public API. */
final class ProcedureFixture {

    static final byte[] PDF = ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    /** The start of a Windows executable: what a "pdf" that is really a program begins with. */
    static final byte[] EXE = "MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode."
            .getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    private final Api api;
    private final MutableClock clock;

    ProcedureFixture(Api api, MutableClock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** A draft request for quotations whose submission deadline is {@code untilDeadline} from now. */
    JsonNode draft(Flows.Member buyer, Duration untilDeadline) {
        Map<String, Object> body = Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", "Office paper",
                "description", "A4 paper, 80 g/m2", "currency", "RUB",
                "submissionDeadline", clock.instant().plus(untilDeadline).toString(),
                "lots", List.of(Map.of("title", "Paper", "categoryCode", "26.2", "quantity", 100, "unit", "box",
                        "startPrice", "50000.00")));
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    JsonNode publish(Flows.Member buyer, String id) {
        Api.Response published = api.post("/api/v1/procedures/" + id + "/publish", Map.of(),
                Api.bearer(buyer.token()));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return published.json();
    }

    /** A published procedure; returns its id. */
    String published(Flows.Member buyer, Duration untilDeadline) {
        String id = draft(buyer, untilDeadline).path("id").asString();
        publish(buyer, id);
        return id;
    }

    JsonNode procedure(String id) {
        return api.get("/api/v1/procedures/" + id).json();
    }

    static Transfers.Part pdf(String name) {
        return new Transfers.Part(name, PDF, "application/pdf");
    }
}
