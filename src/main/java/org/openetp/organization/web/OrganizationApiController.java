package org.openetp.organization.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.UserId;
import org.openetp.organization.Member;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationLists;
import org.openetp.organization.OrganizationSearch;
import org.openetp.organization.OrganizationSearchPage;
import org.openetp.organization.OrganizationSearchRequest;
import org.openetp.organization.OrganizationView;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.organization.UpdateRequisites;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.table.TableResponder;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organizations over the API: the caller's memberships, profile, requisites, members; the operator's decisions. */
@RestController
@RequestMapping("/api/v1")
class OrganizationApiController {

    record NewMember(@Nullable String email, @Nullable Set<Role> roles) {
    }

    record Roles(@Nullable Set<Role> roles) {
    }

    record Decision(@Nullable String decision, @Nullable String reason) {
    }

    private final Organizations organizations;

    private final OrganizationLists lists;
    private final TableResponder tables;
    private final OrganizationSearch search;

    OrganizationApiController(Organizations organizations, OrganizationLists lists, TableResponder tables,
            OrganizationSearch search) {
        this.organizations = organizations;
        this.lists = lists;
        this.tables = tables;
        this.search = search;
    }

    @GetMapping("/organizations")
    @Operation(summary = "Search organizations", description = """
            Any signed-in user; everyone but the operator finds accredited organizations only, and sees only their \
            public profile (names, country, tax id, region, SME, categories offered). `q`: words of the name in \
            Russian or English (stemmed; a typo in a word of 5+ letters is forgiven), Thai text (substrings), or \
            digits (a tax id or its first digits). Words naming a category in English, Russian or Thai, or one of \
            its synonyms, also find organizations offering that category (`matchedCategory`). `region`, \
            `category` (each with its subcategories), `status` (operator only): several values, repeated or \
            comma-separated, mean any of them. With words, the best matches first (a name equal to the query, \
            then the words' weight in shorter names; organizations found by a category they offer after those \
            whose names hold the words), otherwise by name; a typo is forgiven only when the words as typed find \
            nothing. `facets=true` adds counts per top-level category offered, region and kind (legal form) over \
            the first 1,000 matches (`facets.exact` false past them). `page` from 0, `size` 1 to 100 (20); `total` \
            stops at 1,000 (`totalExact` false past it). `next` is a cursor: send it back as `cursor` (instead of \
            `page`) for the following page. Bad values answer 400 naming each parameter.""")
    OrganizationSearchPage search(@AuthenticationPrincipal CurrentUser user,
            @ParameterObject OrganizationSearchRequest request) {
        return search.search(user, request);
    }

    @GetMapping("/organizations/mine")
    List<Membership> mine(@AuthenticationPrincipal CurrentUser user) {
        return organizations.membershipsOf(user.id());
    }

    @GetMapping("/organizations/{id}")
    OrganizationView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return organizations.view(user, new OrganizationId(id));
    }

    @PutMapping("/organizations/{id}/requisites")
    OrganizationView update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody UpdateRequisites body) {
        return organizations.updateRequisites(user, new OrganizationId(id), body);
    }

    @GetMapping("/organizations/{id}/members")
    List<Member> members(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return organizations.members(user, new OrganizationId(id));
    }

    @PostMapping("/organizations/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    Member addMember(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @RequestBody NewMember body) {
        return organizations.addMember(user, new OrganizationId(id), body.email(), body.roles());
    }

    @PutMapping("/organizations/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeRoles(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID userId,
            @RequestBody Roles body) {
        organizations.changeRoles(user, new OrganizationId(id), new UserId(userId), body.roles());
    }

    @DeleteMapping("/organizations/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID userId) {
        organizations.removeMember(user, new OrganizationId(id), new UserId(userId));
    }

    /** The accreditation queue as JSON; as a file (?format= or Accept) the page's table of every organization. */
    @GetMapping("/operator/organizations")
    @Nullable List<OrganizationView> pending(@AuthenticationPrincipal CurrentUser operator,
            HttpServletRequest request, HttpServletResponse response) {
        return tables.list(OrganizationTables.ALL, request, response, () -> organizations.pending(operator),
                (query, sink) -> lists.all(operator, query, sink));
    }

    @PostMapping("/operator/organizations/{id}/accreditation")
    OrganizationView decide(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID id,
            @RequestBody Decision body) {
        OrganizationId org = new OrganizationId(id);
        if ("ACCREDITED".equals(body.decision())) {
            return organizations.accredit(operator, org);
        }
        if ("REJECTED".equals(body.decision())) {
            return organizations.reject(operator, org, body.reason());
        }
        throw new InvalidInputException("decision", "accreditation.decision.invalid");
    }
}
