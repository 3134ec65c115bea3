package org.openetp.procurement.contracts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.ContractId;
import org.openetp.procurement.Reliability;
import org.openetp.shared.table.TableResponder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contracts over the API (SPEC §5.7): the caller's contracts, one contract, its milestones, both parties'
 * acceptance, deliveries; and a supplier's reliability. A contract outside the caller's organizations is 404.
 */
@RestController
class ContractApiController {

    record Acceptance(@Nullable String signature) {
    }

    private final Contracts contracts;
    private final ContractLists lists;
    private final TableResponder tables;

    ContractApiController(Contracts contracts, ContractLists lists, TableResponder tables) {
        this.contracts = contracts;
        this.lists = lists;
        this.tables = tables;
    }

    /** The caller's contracts as JSON, or as CSV / XLSX with the page's columns ({@code ?format=} or Accept). */
    @GetMapping("/api/v1/contracts")
    @Nullable List<ContractView> list(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
            HttpServletResponse response) {
        return tables.list(ContractTables.LIST, request, response, () -> contracts.list(user),
                (query, sink) -> lists.all(user, query, sink));
    }

    @GetMapping("/api/v1/contracts/{id}")
    ContractView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return contracts.view(user, new ContractId(id));
    }

    /** The buyer adds a milestone: {@code {"description", "quantity" | "sharePercent", "dueDate": "2026-12-01"}}. */
    @PostMapping("/api/v1/contracts/{id}/milestones")
    @ResponseStatus(HttpStatus.CREATED)
    ContractView addMilestone(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody NewMilestone body) {
        return contracts.addMilestone(user, new ContractId(id), body);
    }

    @DeleteMapping("/api/v1/contracts/{id}/milestones/{milestoneId}")
    ContractView removeMilestone(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID milestoneId) {
        return contracts.removeMilestone(user, new ContractId(id), milestoneId);
    }

    /** The text a party signs to accept the contract as it stands (text/plain, UTF-8, LF line ends). */
    @GetMapping(value = "/api/v1/contracts/{id}/text", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    String text(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return contracts.acceptanceText(user, new ContractId(id));
    }

    /** The caller's side accepts; {@code signature} is a detached CMS over the text where signatures are required. */
    @PostMapping("/api/v1/contracts/{id}/acceptance")
    ContractView accept(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody(required = false) @Nullable Acceptance body) {
        return contracts.accept(user, new ContractId(id), body == null ? null : body.signature());
    }

    /** The buyer marks a milestone delivered today: on time when on or before its due date. */
    @PostMapping("/api/v1/contracts/{id}/milestones/{milestoneId}/delivery")
    ContractView deliver(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID milestoneId) {
        return contracts.deliver(user, new ContractId(id), milestoneId);
    }

    /** A supplier's reliability: for buyers, the organization's own members and the operator (404 otherwise). */
    @GetMapping("/api/v1/organizations/{id}/reliability")
    Reliability reliability(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return contracts.reliability(user, id);
    }
}
