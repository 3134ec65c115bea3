package org.openetp.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Registration request bodies for tests: valid by default, each field replaceable. */
public final class Registrations {

    public static final String PASSWORD = "correct-horse-1";

    private Registrations() {
    }

    /** A valid Russian LLC registration with a fresh e-mail and tax id; both maps are mutable. */
    public static Map<String, Object> russianLlc() {
        Map<String, Object> user = new HashMap<>(Map.of(
                "fullName", "Ivan Petrov",
                "email", TestIdentifiers.email("ivan"),
                "phone", "+7 495 000-00-00",
                "position", "Procurement manager",
                "password", PASSWORD));
        Map<String, Object> organization = new HashMap<>();
        organization.put("country", "RU");
        organization.put("legalForm", "LLC");
        organization.put("taxId", TestIdentifiers.inn10());
        organization.put("ogrn", TestIdentifiers.ogrn());
        organization.put("kpp", "773601001");
        organization.put("fullName", "Limited liability company Test");
        organization.put("shortName", "Test LLC");
        organization.put("legalAddress", "Moscow, Tverskaya 1");
        organization.put("actualAddress", "Moscow, Tverskaya 1");
        organization.put("postalAddress", "Moscow, Tverskaya 1");
        organization.put("categoriesOffered", List.of("62.0"));
        organization.put("categoriesConsumed", List.of("26.2"));
        organization.put("sme", false);
        organization.put("industry", "IT");
        organization.put("region", "RU-MOW");
        return new HashMap<>(Map.of("user", user, "organization", organization));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> user(Map<String, Object> registration) {
        return (Map<String, Object>) registration.get("user");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> organization(Map<String, Object> registration) {
        return (Map<String, Object>) registration.get("organization");
    }
}
