package org.openetp.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A published request for quotations with one lot (ten laptops, start price 120 000.00 RUB), made through the API for
 * the signature tests. {@code signatureRequired} is the procedure's own setting as the platform reported it when the
 * procedure was created.
 */
public record Tender(String id, String lot, boolean signatureRequired) {

    /** The buyer creates and publishes the request, its bids due at {@code deadline}, with the setting given. */
    public static Tender publish(Api api, Flows.Member buyer, Instant deadline, boolean signatureRequired) {
        Map<String, Object> body = Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", "Signed laptops",
                "description", "Bids must be signed", "currency", "RUB",
                "submissionDeadline", deadline.toString(),
                "settings", Map.of("signatureRequired", signatureRequired),
                "lots", List.of(Map.of("title", "Laptops", "categoryCode", "26.2", "quantity", 10, "unit", "pcs",
                        "startPrice", "120000.00", "deliveryRegion", "RU-MOW")));
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        Api.Response published = api.post("/api/v1/procedures/" + id + "/publish", Map.of(),
                Api.bearer(buyer.token()));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return new Tender(id, created.json().path("lots").get(0).path("id").asString(),
                created.json().path("settings").path("signatureRequired").asBoolean());
    }

    /** Where a supplier posts (and reads) its bids on the lot. */
    public String bids() {
        return "/api/v1/procedures/" + id + "/lots/" + lot + "/bids";
    }

    /** The text a bidder signs for a bid of {@code price} RUB on the lot. */
    public String canonical(String price) {
        return "OpenETP bid\nprocedure: " + id + "\nlot: " + lot + "\nprice: " + price + "\ncurrency: RUB\n";
    }
}
