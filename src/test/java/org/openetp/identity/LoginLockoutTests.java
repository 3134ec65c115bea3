package org.openetp.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The login lock-out of SPEC §1.6 counts per account AND client address (tests play clients through
 * X-Forwarded-For from the trusted local proxy), answers unknown e-mails as known ones, and leaves the owner a way in.
 */
class LoginLockoutTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStrangerFailingFromOneAddressDoesNotLockTheOwnerOutFromAnother() {
        Flows.Member owner = flows.confirmedMember(Registrations.russianLlc());
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(login(owner.email(), "guess-" + attempt, "203.0.113.7").status()).isEqualTo(401);
        }
        assertThat(login(owner.email(), "guess-5", "203.0.113.7").status()).isEqualTo(429);
        assertThat(login(owner.email(), Registrations.PASSWORD, "203.0.113.7").status())
                .as("the stranger's client stays locked, even with the right password").isEqualTo(429);

        assertThat(login(owner.email(), Registrations.PASSWORD, "198.51.100.20").status())
                .as("the owner's own client has not failed").isEqualTo(201);
        assertThat(login(owner.email(), "typo-1", "198.51.100.20").status())
                .as("the owner's client counts from zero").isEqualTo(401);
    }

    @Test
    void anUnknownEmailIsAnsweredExactlyLikeAKnownOneUpToTheLock() {
        Flows.Member known = flows.confirmedMember(Registrations.russianLlc());
        String unknown = "nobody-" + System.nanoTime() + "@test.openetp.local";
        for (int attempt = 1; attempt <= 6; attempt++) {
            Api.Response forKnown = login(known.email(), "wrong-" + attempt, "192.0.2.31");
            Api.Response forUnknown = login(unknown, "wrong-" + attempt, "192.0.2.31");

            assertThat(forUnknown.status()).as("attempt %d", attempt).isEqualTo(forKnown.status());
            assertThat(forUnknown.code()).isEqualTo(forKnown.code());
            assertThat(forUnknown.json().path("detail")).isEqualTo(forKnown.json().path("detail"));
            assertThat(forUnknown.header("Retry-After")).isEqualTo(forKnown.header("Retry-After"));
            assertThat(forUnknown.header("WWW-Authenticate")).isEqualTo(forKnown.header("WWW-Authenticate"));
            assertThat(forKnown.status()).isEqualTo(attempt < 5 ? 401 : 429);
        }
    }

    @Test
    void anEmailNoAccountCanHaveIsAnsweredAsAnUnknownOneNotAsAnError() {
        Api.Response withNul = login("nul\u0000byte@test.openetp.local", "whatever-1", "192.0.2.90");
        Api.Response tooLong = login("x".repeat(5000) + "@test.openetp.local", "whatever-1", "192.0.2.90");

        assertThat(withNul.status()).isEqualTo(401);
        assertThat(withNul.code()).isEqualTo("login.error.bad_credentials");
        assertThat(tooLong.status()).isEqualTo(401);
        assertThat(api.post("/api/v1/login-links", Map.of("email", "nul\u0000@x.local")).status())
                .isIn(202, 400);
    }

    @Test
    void anUnknownEmailCostsAPasswordCheckLikeAKnownOne() {
        Flows.Member known = flows.confirmedMember(Registrations.russianLlc());
        List<Long> forKnown = new ArrayList<>();
        List<Long> forUnknown = new ArrayList<>();
        for (int round = 0; round < 9; round++) {
            // Another client each round, so no lock (which answers without a password check) gets in the way.
            String client = "192.0.2." + (100 + round);
            forKnown.add(timed(known.email(), client));
            forUnknown.add(timed("nobody-" + round + "-" + System.nanoTime() + "@test.openetp.local", client));
        }

        // Without the dummy check an unknown e-mail answers in a small fraction of a BCrypt check's time; the band
        // is wide because the machine running the tests is shared.
        double ratio = (double) median(forUnknown) / median(forKnown);
        assertThat(ratio).as("unknown %s ms vs known %s ms", forUnknown, forKnown).isBetween(0.4, 2.5);
    }

    @Test
    void theOwnerSignsInWithAnEmailedOneTimeLinkWhileTheirClientIsLocked() {
        Flows.Member owner = flows.confirmedMember(Registrations.russianLlc());
        for (int attempt = 1; attempt <= 5; attempt++) {
            login(owner.email(), "guess-" + attempt, "192.0.2.50");
        }
        assertThat(login(owner.email(), Registrations.PASSWORD, "192.0.2.50").status()).isEqualTo(429);

        assertThat(api.post("/api/v1/login-links", Map.of("email", owner.email())).status()).isEqualTo(202);
        String token = linkToken(owner.email());
        Api.Response used = api.post("/api/v1/login-links/use", Map.of("token", token, "name", "by link"),
                "X-Forwarded-For", "192.0.2.50");
        assertThat(used.status()).as(used.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/organizations/mine", Api.bearer(used.json().path("token").asString())).status())
                .isEqualTo(200);

        Api.Response again = api.post("/api/v1/login-links/use", Map.of("token", token));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("loginLink.used");
        assertThat(login(owner.email(), Registrations.PASSWORD, "192.0.2.50").status())
                .as("the link proved the owner: that client's failures are forgotten").isEqualTo(201);
    }

    @Test
    void aSignInLinkExpiresAndAnUnknownEmailGetsTheSameAnswerAndNoMail() {
        Flows.Member owner = flows.confirmedMember(Registrations.russianLlc());
        String unknown = "nobody-link-" + System.nanoTime() + "@test.openetp.local";
        Api.Response forUnknown = api.post("/api/v1/login-links", Map.of("email", unknown));
        Api.Response forKnown = api.post("/api/v1/login-links", Map.of("email", owner.email()));
        assertThat(forUnknown.status()).isEqualTo(forKnown.status()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(api.get("/api/v1/dev/mail?to=" + unknown).json().size()).isZero();

        String token = linkToken(owner.email());
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        Api.Response late = api.post("/api/v1/login-links/use", Map.of("token", token));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("loginLink.expired");
        assertThat(api.post("/api/v1/login-links/use", Map.of("token", "made-up")).code())
                .isEqualTo("loginLink.invalid");
    }

    @Test
    void aMailboxGetsAtMostThreeLinksPerLockoutPeriod() {
        Flows.Member owner = flows.confirmedMember(Registrations.russianLlc());
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/login-links", Map.of("email", owner.email())).status()).isEqualTo(202);
        }
        assertThat(linkMails(owner.email())).hasSize(3);
    }

    @Test
    void theCountersAreRowsInTheDatabaseSoEveryNodeSeesThem() {
        Flows.Member owner = flows.confirmedMember(Registrations.russianLlc());
        login(owner.email(), "guess-1", "192.0.2.77");
        login(owner.email(), "guess-2", "192.0.2.77");

        assertThat(jdbc.sql("SELECT failures FROM login_failure WHERE account_key = :key AND client = '192.0.2.77'")
                .param("key", Identity.accountKey(owner.email().toUpperCase())).query(Integer.class).single())
                .isEqualTo(2);
    }

    private Api.Response login(String email, String password, String client) {
        return api.post("/api/v1/tokens", Map.of(), concat(Api.basic(email, password), "X-Forwarded-For", client));
    }

    private long timed(String email, String client) {
        long start = System.nanoTime();
        assertThat(login(email, "wrong-password", client).status()).isEqualTo(401);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return Math.max(1, sorted.get(sorted.size() / 2));
    }

    private List<String> linkMails(String email) {
        List<String> links = new ArrayList<>();
        for (JsonNode mail : api.get("/api/v1/dev/mail?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                .json()) {
            mail.path("links").valueStream().map(JsonNode::asString).filter(l -> l.contains("/login/link?token="))
                    .forEach(links::add);
        }
        return links;
    }

    private String linkToken(String email) {
        String link = linkMails(email).getFirst();
        return URI.create(link).getQuery().substring("token=".length());
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }
}
