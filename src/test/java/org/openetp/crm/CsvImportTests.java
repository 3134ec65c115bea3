package org.openetp.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The first bases come from spreadsheets: good rows go in whole, bad rows are reported and leave nothing behind. */
class CsvImportTests extends ApiTest {

    @Test
    void goodAccountRowsGoInAndBadOnesAreReportedWithLineAndReason() throws Exception {
        CrmTeam team = CrmTeam.accredited(api, flows);
        String csv = """
                name,taxId,region,purchaseVolume,marketRole
                Alpha,,RU-MOW,1000,Dealer
                ,,RU-MOW,5,Dealer
                "Beta, Ltd",,RU-SPE,2 000,Manufacturer
                Gamma,,XX-NOPE,10,Dealer
                Delta,,RU-MOW,lots,Dealer
                """;

        JsonNode report = importCsv(team, "accounts", csv);

        assertThat(report.path("imported").asInt()).isEqualTo(2);
        assertThat(report.path("rejected").valueStream().map(r -> r.path("line").asInt() + ":"
                + r.path("field").asString() + ":" + r.path("reason").asString()).toList())
                .containsExactly("3:name:field.required", "5:region:region.unknown",
                        "6:purchaseVolume:crm.field.number");
        assertThat(report.path("rejected").get(0).path("message").asString()).isNotBlank();
        JsonNode accounts = api.get("/api/v1/crm/accounts?organizationId=" + team.org(), team.headAuth()).json();
        assertThat(accounts.valueStream().map(a -> a.path("name").asString()).toList())
                .containsExactly("Alpha", "Beta, Ltd");
        String csvOut = api.get("/api/v1/crm/export/accounts.csv?organizationId=" + team.org(), team.headAuth())
                .body();
        assertThat(csvOut).contains("\"Beta, Ltd\"");
    }

    @Test
    void contactsFindTheirAccountAndABadQuoteRowAddsNotEvenItsSupplier() throws Exception {
        CrmTeam team = CrmTeam.accredited(api, flows);
        team.account(team.headAuth(), java.util.Map.of("name", "Alpha"));
        JsonNode contacts = importCsv(team, "contacts", """
                account,fullName,position,email,phone,role
                Alpha,Olga Ivanova,CEO,olga@alpha.example,,DECISION_MAKER
                Nowhere,Ivan,,,,USER
                Alpha,Petr,,not-an-email,,USER
                """);
        assertThat(contacts.path("imported").asInt()).isEqualTo(1);
        assertThat(contacts.path("rejected").valueStream().map(r -> r.path("line").asInt()).toList())
                .containsExactly(3, 4);

        JsonNode quotes = importCsv(team, "quotes", """
                supplier,product,niche,volume,unit,price,currency
                Plant One,Cement,Building,10,t,4000,RUB
                Plant Two,Cement,Building,10,t,-5,RUB
                Plant One,Sand,Building,10,t,500,RUB
                """);
        assertThat(quotes.path("imported").asInt()).isEqualTo(2);
        assertThat(quotes.path("rejected").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(quotes.path("rejected").get(0).path("field").asString()).isEqualTo("price");
        JsonNode suppliers = api.get("/api/v1/crm/suppliers?organizationId=" + team.org(), team.headAuth()).json();
        assertThat(suppliers.valueStream().map(s -> s.path("name").asString()).toList())
                .as("the bad row's new supplier is not half-imported").containsExactly("Plant One");
        assertThat(suppliers.get(0).path("quotes").asInt()).isEqualTo(2);
    }

    /** Issue 14: a NUL byte or a number beyond its column rejects its row, named, instead of failing the import. */
    @Test
    void controlCharactersAndNumbersBeyondTheirColumnRejectTheirRowOnly() throws Exception {
        CrmTeam team = CrmTeam.accredited(api, flows);
        JsonNode quotes = importCsv(team, "quotes", """
                supplier,product,niche,volume,unit,price,currency
                Acme,Paper,Office,10,box,12.50,RUB
                Acme,Pa\u0000per,Office,10,box,12.50,RUB
                Acme,Paper,Office,1e20,box,12.50,RUB
                Acme,Paper,Office,1.123456789,box,12.50,RUB
                Acme,Paper,Office,10,box,100000000000000000000,RUB
                """);

        assertThat(quotes.path("imported").asInt()).isEqualTo(1);
        assertThat(quotes.path("rejected").valueStream().map(r -> r.path("line").asInt() + ":"
                + r.path("field").asString() + ":" + r.path("reason").asString()).toList())
                .containsExactly("3:product:input.control", "4:volume:input.decimal.bounds.integer",
                        "5:volume:input.decimal.bounds.fraction", "6:price:input.decimal.bounds.integer");
    }

    private JsonNode importCsv(CrmTeam team, String kind, String csv) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/crm/import/" + kind + "?organizationId=" + team.org()))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + team.head().token())
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
