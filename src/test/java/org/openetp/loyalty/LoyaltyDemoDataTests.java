package org.openetp.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo supplier's partner program with a year of the demo buyer's history, seeded once after the demo data. */
@SpringBootTest(properties = {"openetp.demo-data=true", "openetp.operator.email=operator@openetp.local",
        "openetp.operator.password=operator-demo-1"})
class LoyaltyDemoDataTests {

    @Autowired
    LoyaltyDemoData demo;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsAProgramWithAYearOfHistoryOnce() {
        assertThat(jdbc.sql("SELECT name FROM loyalty_program").query(String.class).list())
                .containsExactly("Demo Supplier Partners");
        assertThat(count("loyalty_member")).isEqualTo(2);
        assertThat(count("loyalty_reward")).isEqualTo(4);
        Instant first = jdbc.sql("SELECT min(posted_at) FROM loyalty_posting").query(java.sql.Timestamp.class)
                .single().toInstant();
        assertThat(first).isBefore(Instant.now().minus(Duration.ofDays(300)));
        assertThat(jdbc.sql("SELECT DISTINCT kind FROM loyalty_posting").query(String.class).list())
                .contains("EARN", "UNLOCK", "REDEEM");
        assertThat(jdbc.sql("SELECT unit || ' ' || status FROM loyalty_redemption").query(String.class).list())
                .containsExactlyInAnyOrder("POINTS FULFILLED", "CREDIT REQUESTED");
        assertThat(jdbc.sql("SELECT max(tier_rank) FROM loyalty_member").query(Integer.class).single())
                .as("a year of contracts reached a tier").isPositive();
        long postings = count("loyalty_posting");

        demo.run(new DefaultApplicationArguments());

        assertThat(count("loyalty_posting")).isEqualTo(postings);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
