package org.openetp.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openetp.support.Registrations;
import tools.jackson.databind.JsonNode;

/**
 * The drill's participants and procedures, made over HTTP through HAProxy as a client would. The confirmation links
 * are read from the mail outbox in the database (the nodes send no mail), the only thing not done over HTTP.
 */
final class DrillSetup {

    static final String OPERATOR = "operator@cluster.openetp.local";

    private final DrillHttp http;
    private final String databasePassword;
    private final String operatorPassword;

    DrillSetup(DrillHttp http, String databasePassword, String operatorPassword) {
        this.http = http;
        this.databasePassword = databasePassword;
        this.operatorPassword = operatorPassword;
    }

    record People(String buyerToken, List<String> bidderTokens) {
    }

    record Auction(UUID procedure, UUID lot) {
    }

    People people(int suppliers) throws Exception {
        String operator = token(OPERATOR, operatorPassword);
        try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
            Future<String> buyer = threads.submit(() -> member(operator, "NUCLEAR"));
            List<Future<String>> bidders = new ArrayList<>();
            for (int i = 0; i < suppliers; i++) {
                bidders.add(threads.submit(() -> member(operator, "IT")));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> bidder : bidders) {
                tokens.add(bidder.get());
            }
            return new People(buyer.get(), tokens);
        }
    }

    /** A reverse auction every bidder applied to, fixed end (no extension), steps of 0.01 % of the start price. */
    Auction auction(People people, Instant deadline, Instant start, Duration duration) {
        int[] everyone = new int[people.bidderTokens().size()];
        java.util.Arrays.setAll(everyone, i -> i);
        return auction(people, everyone, deadline, start, duration);
    }

    /** As above, with only the given bidders (indexes into the people's bidders) applying. */
    Auction auction(People people, int[] bidders, Instant deadline, Instant start, Duration duration) {
        JsonNode procedure = create(people.buyerToken(), "REVERSE_AUCTION", "Drill: zirconium tubes", deadline,
                Map.of("auctionStart", start.toString(), "duration", duration.toString(), "extensionWindow", "PT0S",
                        "minStepPercent", "0.01", "maxStepPercent", "5"));
        UUID id = UUID.fromString(procedure.path("id").asString());
        UUID lot = UUID.fromString(procedure.path("lots").get(0).path("id").asString());
        publish(people.buyerToken(), id);
        for (int i = 0; i < bidders.length; i++) {
            bid(people.bidderTokens().get(bidders[i]), id, lot, String.valueOf(199_000 - 10 * i) + ".00");
        }
        return new Auction(id, lot);
    }

    /** A request for quotations with one bid, whose deadline opens the bids. */
    UUID tenderWithOneBid(People people, Instant deadline) {
        JsonNode procedure = create(people.buyerToken(), "REQUEST_FOR_QUOTATIONS", "Drill: paper", deadline,
                Map.of());
        UUID id = UUID.fromString(procedure.path("id").asString());
        publish(people.buyerToken(), id);
        bid(people.bidderTokens().getFirst(), id, UUID.fromString(procedure.path("lots").get(0).path("id")
                .asString()), "150000.00");
        return id;
    }

    /** A new draft, for the check that a node alone still writes; null when it was refused. */
    UUID draft(People people) {
        DrillHttp.Answer answer = http.post("/api/v1/procedures", people.buyerToken(), body("REQUEST_FOR_QUOTATIONS",
                "Drill: after a node died", Instant.now().plus(Duration.ofDays(3)), Map.of()));
        return answer.status() == 201 ? UUID.fromString(answer.json().path("id").asString()) : null;
    }

    private JsonNode create(String token, String kind, String title, Instant deadline, Map<String, String> settings) {
        return require(http.post("/api/v1/procedures", token, body(kind, title, deadline, settings)), 201).json();
    }

    private static Map<String, Object> body(String kind, String title, Instant deadline, Map<String, String> settings) {
        return Map.of("kind", kind, "title", title, "description", "Failover drill", "currency", "RUB",
                "submissionDeadline", deadline.toString(), "settings", settings,
                "lots", List.of(Map.of("title", "Lot", "categoryCode", "17.1", "quantity", 50, "unit", "pcs",
                        "startPrice", "200000.00")));
    }

    private void publish(String token, UUID procedure) {
        require(http.post("/api/v1/procedures/" + procedure + "/publish", token, Map.of()), 200);
    }

    private void bid(String token, UUID procedure, UUID lot, String price) {
        require(http.post("/api/v1/procedures/" + procedure + "/lots/" + lot + "/bids", token,
                Map.of("price", price, "currency", "RUB")), 201);
    }

    /** Registers, confirms the e-mail, gets accredited by the operator; the member's API token. */
    private String member(String operatorToken, String industry) throws SQLException {
        Map<String, Object> registration = Registrations.russianLlc();
        Registrations.organization(registration).put("industry", industry);
        String email = (String) Registrations.user(registration).get("email");
        JsonNode registered = require(http.post("/api/v1/registrations", null, registration), 201).json();
        String link = confirmationLink(email);
        require(http.get(link.substring(link.indexOf("/confirm")), null), 200);
        require(http.post("/api/v1/operator/organizations/" + registered.path("organizationId").asString()
                + "/accreditation", operatorToken, Map.of("decision", "ACCREDITED")), 200);
        return token(email, Registrations.PASSWORD);
    }

    private String token(String email, String password) {
        return require(http.postBasic("/api/v1/tokens", email, password, Map.of("name", "drill")), 201).json()
                .path("token").asString();
    }

    private String confirmationLink(String email) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5000/openetp", "openetp",
                databasePassword);
                PreparedStatement q = db.prepareStatement("""
                        SELECT links[1] FROM mail_outbox WHERE recipient = ? AND links[1] LIKE '%/confirm?token=%'
                        ORDER BY created_at DESC LIMIT 1""")) {
            q.setString(1, email);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no confirmation mail to " + email);
                }
                return rs.getString(1);
            }
        }
    }

    private static DrillHttp.Answer require(DrillHttp.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
