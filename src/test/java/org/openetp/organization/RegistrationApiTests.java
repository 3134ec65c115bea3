package org.openetp.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.openetp.support.TestIdentifiers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class RegistrationApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void registersAValidRussianLegalEntityAsPendingAndMailsAConfirmationLink() {
        Map<String, Object> registration = Registrations.russianLlc();
        String email = (String) Registrations.user(registration).get("email");

        Api.Response response = api.post("/api/v1/registrations", registration);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("status").asString()).isEqualTo("PENDING");
        String organizationId = response.json().path("organizationId").asString();
        assertThat(jdbc.sql("SELECT status FROM organization WHERE id = :id::uuid").param("id", organizationId)
                .query(String.class).single()).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT roles FROM organization_member WHERE organization_id = :id::uuid")
                .param("id", organizationId).query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
                .single()).containsExactlyInAnyOrder("ADMIN", "BUYER", "SUPPLIER");
        assertThat(flows.confirmationLink(email)).contains("/confirm?token=");
    }

    @Test
    void registersARussianIndividualEntrepreneurWithOgrnipAndNoKpp() {
        Map<String, Object> registration = Registrations.russianLlc();
        Map<String, Object> organization = Registrations.organization(registration);
        organization.put("legalForm", "INDIVIDUAL_ENTREPRENEUR");
        organization.put("taxId", TestIdentifiers.inn12());
        organization.put("ogrn", TestIdentifiers.ogrnip());
        organization.remove("kpp");

        assertThat(api.post("/api/v1/registrations", registration).status()).isEqualTo(201);
    }

    @Test
    void registersAThaiCompanyWithItsThirteenDigitTaxId() {
        Map<String, Object> registration = Registrations.russianLlc();
        Map<String, Object> organization = Registrations.organization(registration);
        organization.put("country", "TH");
        organization.put("legalForm", "COMPANY_LIMITED");
        organization.put("taxId", TestIdentifiers.thaiTaxId());
        organization.put("region", "TH-10");
        organization.remove("ogrn");
        organization.remove("kpp");

        Api.Response response = api.post("/api/v1/registrations", registration);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("user.fullName", "  "),
                Arguments.of("user.email", "not-an-email"),
                Arguments.of("user.phone", "call me"),
                Arguments.of("user.position", ""),
                Arguments.of("user.password", "short"),
                Arguments.of("organization.country", "XX"),
                Arguments.of("organization.legalForm", "EMPIRE"),
                Arguments.of("organization.taxId", "7707083894"),
                Arguments.of("organization.taxId", "77070838"),
                Arguments.of("organization.taxId", "77070838AB"),
                Arguments.of("organization.ogrn", "1027700132196"),
                Arguments.of("organization.ogrn", "102770013219"),
                Arguments.of("organization.kpp", "77360100"),
                Arguments.of("organization.kpp", "7736ab001"),
                Arguments.of("organization.fullName", ""),
                Arguments.of("organization.shortName", " "),
                Arguments.of("organization.legalAddress", ""),
                Arguments.of("organization.actualAddress", ""),
                Arguments.of("organization.postalAddress", ""),
                Arguments.of("organization.categoriesOffered", List.of("99.99.99")),
                Arguments.of("organization.categoriesConsumed", List.of("ZZ")),
                Arguments.of("organization.region", "XX-YY"),
                Arguments.of("organization.industry", "x".repeat(201)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidFields")
    void rejectsEachInvalidFieldByNameAndStoresNothing(String field, Object value) {
        Map<String, Object> registration = Registrations.russianLlc();
        String[] path = field.split("\\.");
        (path[0].equals("user") ? Registrations.user(registration) : Registrations.organization(registration))
                .put(path[1], value);
        long[] before = counts();

        Api.Response response = api.post("/api/v1/registrations", registration);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly(field);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void reportsEveryMissingFieldAtOnce() {
        Api.Response response = api.post("/api/v1/registrations", Map.of("user", Map.of(),
                "organization", Map.of("country", "RU", "legalForm", "LLC")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).contains("user.fullName", "user.email", "user.phone", "user.position",
                "user.password", "organization.taxId", "organization.ogrn", "organization.kpp",
                "organization.fullName", "organization.shortName", "organization.legalAddress");
    }

    @Test
    void rejectsAKppForAnIndividualEntrepreneur() {
        Map<String, Object> registration = Registrations.russianLlc();
        Map<String, Object> organization = Registrations.organization(registration);
        organization.put("legalForm", "INDIVIDUAL_ENTREPRENEUR");
        organization.put("taxId", TestIdentifiers.inn12());
        organization.put("ogrn", TestIdentifiers.ogrnip());

        Api.Response response = api.post("/api/v1/registrations", registration);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("organization.kpp");
    }

    @Test
    void rejectsAnUnreadableBodyWithoutStoringAnything() {
        long[] before = counts();

        Api.Response response = api.post("/api/v1/registrations", "{\"user\": [1, 2");

        assertThat(response.status()).isEqualTo(400);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void refusesAUsedEmailWithConflictInAnyCase() {
        Map<String, Object> first = Registrations.russianLlc();
        assertThat(api.post("/api/v1/registrations", first).status()).isEqualTo(201);
        Map<String, Object> second = Registrations.russianLlc();
        Registrations.user(second).put("email",
                ((String) Registrations.user(first).get("email")).toUpperCase());
        long[] before = counts();

        Api.Response response = api.post("/api/v1/registrations", second);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorFields()).containsExactly("user.email");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void refusesATaxIdAlreadyRegisteredInTheSameCountry() {
        Map<String, Object> first = Registrations.russianLlc();
        assertThat(api.post("/api/v1/registrations", first).status()).isEqualTo(201);
        Map<String, Object> second = Registrations.russianLlc();
        Registrations.organization(second).put("taxId",
                " " + Registrations.organization(first).get("taxId") + " ");
        long[] before = counts();

        Api.Response response = api.post("/api/v1/registrations", second);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorFields()).containsExactly("organization.taxId");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anUnconfirmedUserCannotGetATokenUntilTheLinkIsFollowed() {
        Map<String, Object> registration = Registrations.russianLlc();
        String email = (String) Registrations.user(registration).get("email");
        assertThat(api.post("/api/v1/registrations", registration).status()).isEqualTo(201);

        Api.Response refused = api.post("/api/v1/tokens", Map.of(), Api.basic(email, Registrations.PASSWORD));
        assertThat(refused.status()).isEqualTo(403);

        flows.confirm(email);
        assertThat(api.post("/api/v1/tokens", Map.of(), Api.basic(email, Registrations.PASSWORD)).status())
                .isEqualTo(201);
    }

    @Test
    void aConfirmationLinkWorksOnlyOnce() {
        Map<String, Object> registration = Registrations.russianLlc();
        String email = (String) Registrations.user(registration).get("email");
        api.post("/api/v1/registrations", registration);
        flows.confirm(email);
        String link = flows.confirmationLink(email);

        Api.Response again = api.get(link.substring(link.indexOf("/confirm")));

        assertThat(again.body()).contains("confirm-failed").doesNotContain("confirm-ok");
    }

    @Test
    void aSignedInUserRegistersASecondOrganizationWithoutAUserPart() {
        Flows.Member member = flows.confirmedMember(Registrations.russianLlc());
        Map<String, Object> second = Registrations.russianLlc();
        second.remove("user");

        Api.Response response = api.post("/api/v1/registrations", second, Api.bearer(member.token()));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/organizations/mine", Api.bearer(member.token())).json().size()).isEqualTo(2);
    }

    /** Rows a registration writes; mail is counted for the test's own addresses, as other tests' mail may arrive late. */
    private long[] counts() {
        return new long[] {
            count("app_user"), count("organization"), count("organization_member"), count("organization_category"),
            count("email_confirmation"),
            jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient LIKE 'ivan-%'").query(Long.class).single()
        };
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
