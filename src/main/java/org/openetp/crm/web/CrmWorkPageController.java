package org.openetp.crm.web;

import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.ActivityKind;
import org.openetp.crm.Agenda;
import org.openetp.crm.CrmCommands;
import org.openetp.crm.CrmCommands.MoveDeal;
import org.openetp.crm.CrmDeals;
import org.openetp.crm.CrmMarket;
import org.openetp.crm.CrmService;
import org.openetp.crm.CrmTeams;
import org.openetp.crm.CrmViews;
import org.openetp.crm.Dashboard;
import org.openetp.crm.Pipeline;
import org.openetp.crm.PipelineViews;
import org.openetp.crm.Stage;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.FieldError;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sales team's working pages (issue 18): the deal board with its filters and drag moves, the stage
 * probabilities, and a manager's day (due and overdue next actions, deals without one, the week's calendar).
 */
@Controller
class CrmWorkPageController {

    private final CrmService crm;
    private final CrmDeals crmDeals;
    private final CrmMarket crmMarket;
    private final Pipeline pipeline;
    private final Agenda agenda;
    private final Dashboard dashboard;
    private final MessageSource messages;

    CrmWorkPageController(CrmService crm, CrmDeals crmDeals, CrmMarket crmMarket,
            Pipeline pipeline, Agenda agenda, Dashboard dashboard,
            MessageSource messages) {
        this.dashboard = dashboard;
        this.crm = crm;
        this.crmDeals = crmDeals;
        this.crmMarket = crmMarket;
        this.pipeline = pipeline;
        this.agenda = agenda;
        this.messages = messages;
    }

    private static @Nullable UUID org(HttpSession session) {
        return CrmTeams.org(session);
    }

    private static String run(RedirectAttributes redirect, String failure, CrmPageController.Action action) {
        return CrmPageController.run(redirect, failure, action);
    }

    /** The funnel's rows alone, which the head's page reloads every two seconds. */
    @GetMapping("/crm/board/funnel")
    String funnel(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) {
        model.addAttribute("funnel", dashboard.funnel(user, org(session)));
        return "crm/board :: funnel";
    }

    @GetMapping("/crm/today")
    String today(@AuthenticationPrincipal CurrentUser user, HttpSession session,
            @RequestParam(required = false) @Nullable UUID owner, Model model) {
        CrmViews.ManagerView me = crm.me(user, org(session));
        model.addAttribute("me", me);
        model.addAttribute("agenda", agenda.agenda(user, org(session), owner));
        model.addAttribute("managers", me.head() ? crm.managers(user, org(session)) : List.of(me));
        return "crm/today";
    }

    @PostMapping("/crm/deals/{id}/next-action")
    String nextAction(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String nextAction,
            @RequestParam(required = false) @Nullable String nextActionDate,
            @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        String target = back.startsWith("/crm/") ? back : "/crm/deals/" + id;
        return run(redirect, target, () -> {
            agenda.planNext(user, id, nextAction, nextActionDate);
            redirect.addFlashAttribute("info", "crmwork.next.saved");
            return target;
        });
    }

    @GetMapping("/crm/deals")
    String deals(@AuthenticationPrincipal CurrentUser user, HttpSession session,
            @RequestParam(required = false) @Nullable UUID owner, @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable UUID segment, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable Boolean mine,
            Model model) {
        PipelineViews.Filter filter = PipelineViews.Filter.parse(owner, channel, segment, from, to, mine);
        model.addAttribute("me", crm.me(user, org(session)));
        model.addAttribute("filter", filter);
        model.addAttribute("board", pipeline.board(user, org(session), filter));
        model.addAttribute("managers", crm.managers(user, org(session)));
        model.addAttribute("segments", crmMarket.segments(user, org(session)));
        model.addAttribute("failures", crmDeals.failures(user, org(session)));
        model.addAttribute("kinds", ActivityKind.values());
        return "crm/deals";
    }

    /**
     * A move made by dragging a card: answers whether it was taken, or the reason it was refused in the reader's
     * language, so that the card snaps back and says why.
     */
    @PostMapping("/crm/deals/{id}/move")
    @ResponseBody
    ResponseEntity<MoveAnswer> dragged(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, MoveDeal form,
            Locale locale) {
        try {
            crmDeals.moveDeal(user, id, form);
            return ResponseEntity.ok(new MoveAnswer(true, null, messages.getMessage("crm.deal.moved", null, locale)));
        } catch (InvalidInputException e) {
            FieldError first = e.errors().getFirst();
            return ResponseEntity.badRequest().body(new MoveAnswer(false, first.field(),
                    messages.getMessage(first.messageKey(), null, first.messageKey(), locale)));
        } catch (ForbiddenException e) {
            return ResponseEntity.status(403).body(new MoveAnswer(false, null,
                    messages.getMessage(e.messageKey(), null, e.messageKey(), locale)));
        } catch (RuleViolationException e) {
            return ResponseEntity.status(409).body(new MoveAnswer(false, null,
                    messages.getMessage(e.messageKey(), null, e.messageKey(), locale)));
        }
    }

    /** What a dragged move answers: taken or not, the field at fault, and the text to show. */
    record MoveAnswer(boolean moved, @Nullable String field, String message) {
    }

    @PostMapping("/crm/stage-probabilities")
    String probabilities(@AuthenticationPrincipal CurrentUser user, HttpSession session,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return run(redirect, "/crm/team", () -> {
            Map<String, Integer> percents = new LinkedHashMap<>();
            for (Stage s : Stage.values()) {
                String value = form.get(s.name());
                if (value != null && !value.isBlank()) {
                    percents.put(s.name(), percent(s.name(), value));
                }
            }
            pipeline.adjustProbabilities(user, org(session), percents);
            redirect.addFlashAttribute("info", "crm.probability.saved");
            return "/crm/team";
        });
    }

    @PostMapping("/crm/deals/{id}/probability")
    String dealProbability(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(defaultValue = "") String probability, RedirectAttributes redirect) {
        String back = "/crm/deals/" + id;
        return run(redirect, back, () -> {
            pipeline.overrideProbability(user, id, probability.isBlank() ? null : percent("probability", probability));
            redirect.addFlashAttribute("info", "crm.probability.saved");
            return back;
        });
    }

    private static int percent(String field, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "crm.probability.range");
        }
    }

}
