package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a newcomer finds after {@code ./mvnw spring-boot:run}: demo organizations, users and procedures, once. */
@DemoPlatform
class DemoDataTests {

    @Autowired
    DemoData demoData;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsAccreditedBuyerAndSupplierAPendingThaiCompanyAndProceduresOnlyOnce() {
        assertThat(statusOf("7701012342")).isEqualTo("ACCREDITED");
        assertThat(statusOf("5003012349")).isEqualTo("ACCREDITED");
        assertThat(statusOf("6658012341")).isEqualTo("ACCREDITED");
        assertThat(statusOf("0105550123451")).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT status FROM procedure ORDER BY created_at").query(String.class).list())
                .containsExactly("PUBLISHED", "DRAFT", "PUBLISHED");
        // One sealed bid on the request for quotations, and both suppliers' applications to the live auction.
        assertThat(count("bid")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email_confirmed_at IS NOT NULL AND email LIKE "
                + "'%@demo.openetp.local'").query(Long.class).single()).as("the README's five demo users and its sales team "
                + "(a head of sales and three managers)").isEqualTo(9);
        // The README's committee member holds only the committee role in the demo buyer.
        assertThat(jdbc.sql("SELECT array_to_string(m.roles, ',') FROM organization_member m "
                + "JOIN app_user u ON u.id = m.user_id WHERE u.email = 'committee@demo.openetp.local'")
                .query(String.class).single()).isEqualTo("COMMITTEE_MEMBER");

        demoData.run(new DefaultApplicationArguments());

        assertThat(count("organization")).isEqualTo(4);
        assertThat(count("procedure")).isEqualTo(3);
    }

    private String statusOf(String taxId) {
        return jdbc.sql("SELECT status FROM organization WHERE tax_id = :taxId").param("taxId", taxId)
                .query(String.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
