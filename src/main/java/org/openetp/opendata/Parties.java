package org.openetp.opendata;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openetp.organization.OrganizationView;

/**
 * The organizations a release names, each once in {@code parties} with every role it plays. An organization is
 * identified by its tax number in the scheme of its country's register ({@code RU-INN}, {@code TH-TIN}), as
 * org-id.guide lists them; its name is public (a sole proprietor's too, as in the public registers), its people,
 * street addresses and contact details are not.
 */
final class Parties {

    private final Function<UUID, @Nullable OrganizationView> organizations;
    private final Map<UUID, Set<String>> roles = new LinkedHashMap<>();
    private final Map<UUID, @Nullable OrganizationView> seen = new LinkedHashMap<>();

    Parties(Function<UUID, @Nullable OrganizationView> organizations) {
        this.organizations = organizations;
    }

    /** An OrganizationReference ({@code id}, {@code name}) to the organization, which now plays the role too. */
    Json reference(UUID organization, String role) {
        roles.computeIfAbsent(organization, o -> new LinkedHashSet<>()).add(role);
        OrganizationView view = seen.computeIfAbsent(organization, organizations);
        return Json.object().put("id", id(organization, view)).put("name", view == null ? null : view.shortName());
    }

    /** The {@code parties} array. */
    List<Json> all() {
        return roles.entrySet().stream().map(e -> party(e.getKey(), seen.get(e.getKey()), e.getValue())).toList();
    }

    private static Json party(UUID organization, @Nullable OrganizationView view, Set<String> roles) {
        Json party = Json.object().put("id", id(organization, view));
        if (view != null) {
            party.put("name", view.shortName())
                    .put("identifier", Json.object().put("scheme", scheme(view.country())).put("id", view.taxId())
                            .put("legalName", view.fullName()))
                    .put("address", Json.object().put("region", view.region())
                            .put("countryName", countryName(view.country())));
        }
        return party.put("roles", List.copyOf(roles));
    }

    static String id(UUID organization, @Nullable OrganizationView view) {
        return view == null ? organization.toString() : scheme(view.country()) + "-" + view.taxId();
    }

    /** The register's scheme: Russia's taxpayer number (INN), Thailand's tax identification number. */
    static String scheme(String country) {
        return switch (country) {
            case "RU" -> "RU-INN";
            case "TH" -> "TH-TIN";
            default -> country + "-TIN";
        };
    }

    static @Nullable String countryName(@Nullable String code) {
        if (code == null || code.length() != 2) {
            return null;
        }
        String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equals(code) ? null : name;
    }
}
