package org.openetp.crm.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.Agenda;
import org.openetp.crm.AgendaViews;
import org.openetp.crm.Dashboard;
import org.openetp.crm.DashboardViews;
import org.openetp.crm.Pipeline;
import org.openetp.crm.PipelineViews;
import org.openetp.crm.PipelineViews.Board;
import org.openetp.crm.PipelineViews.Filter;
import org.openetp.crm.PipelineViews.StageProbability;
import org.openetp.crm.Timeline;
import org.openetp.crm.TimelineEntry;
import org.openetp.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deal board over the API: the columns under filters, the stage probabilities and a deal's own; a deal's and an
 * account's timeline; a manager's agenda and a deal's next action.
 */
@RestController
@RequestMapping("/api/v1/crm")
class PipelineApiController {

    /** A deal's own probability in percent; none counts it at its stage's again. */
    record DealProbability(@Nullable Integer probability) {
    }

    /** A deal's next action and its date (yyyy-MM-dd). */
    record NextAction(@Nullable String nextAction, @Nullable String nextActionDate) {
    }

    private final Pipeline pipeline;
    private final Timeline timeline;
    private final Agenda agenda;
    private final Dashboard dashboard;

    PipelineApiController(Pipeline pipeline, Timeline timeline, Agenda agenda, Dashboard dashboard) {
        this.dashboard = dashboard;
        this.pipeline = pipeline;
        this.timeline = timeline;
        this.agenda = agenda;
    }

    /** The head's funnel: deals that reached each stage, conversion and average days per stage. */
    @GetMapping("/funnel")
    List<DashboardViews.FunnelStage> funnel(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return dashboard.funnel(user, organizationId);
    }

    @GetMapping("/reserved-accounts")
    List<DashboardViews.ReservedAccount> reserved(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return dashboard.reservedAccounts(user, organizationId);
    }

    @GetMapping("/agenda")
    AgendaViews.Agenda agenda(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable UUID owner) {
        return agenda.agenda(user, organizationId, owner);
    }

    @PutMapping("/deals/{id}/next-action")
    ResponseEntity<Void> nextAction(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody NextAction body) {
        agenda.planNext(user, id, body.nextAction(), body.nextActionDate());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/deals/{id}/timeline")
    List<TimelineEntry> dealTimeline(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return timeline.ofDeal(user, id);
    }

    @GetMapping("/accounts/{id}/timeline")
    List<TimelineEntry> accountTimeline(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return timeline.ofAccount(user, id);
    }

    @GetMapping("/pipeline")
    Board pipeline(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable UUID owner, @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable UUID segment, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable Boolean mine) {
        return pipeline.board(user, organizationId, Filter.parse(owner, channel, segment, from, to, mine));
    }

    @GetMapping("/stage-probabilities")
    List<StageProbability> probabilities(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return pipeline.probabilities(user, organizationId);
    }

    /** Body: stage name to percent, e.g. {@code {"NEED": 50}}. */
    @PutMapping("/stage-probabilities")
    List<StageProbability> adjust(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId, @RequestBody Map<String, Integer> body) {
        return pipeline.adjustProbabilities(user, organizationId, body);
    }

    @PutMapping("/deals/{id}/probability")
    ResponseEntity<Void> dealProbability(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody DealProbability body) {
        pipeline.overrideProbability(user, id, body.probability());
        return ResponseEntity.noContent().build();
    }
}
