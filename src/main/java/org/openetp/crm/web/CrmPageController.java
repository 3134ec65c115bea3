package org.openetp.crm.web;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.ActivityKind;
import org.openetp.crm.CompetitorEvidence;
import org.openetp.crm.ContactRole;
import org.openetp.crm.CrmCommands;
import org.openetp.crm.CrmCommands.AdjustPlan;
import org.openetp.crm.CrmCommands.AssignOwner;
import org.openetp.crm.CrmCommands.ChangeSettings;
import org.openetp.crm.CrmCommands.Decide;
import org.openetp.crm.CrmCommands.ManagerProfile;
import org.openetp.crm.CrmCommands.MoveDeal;
import org.openetp.crm.CrmCommands.NewAccount;
import org.openetp.crm.CrmCommands.NewActivity;
import org.openetp.crm.CrmCommands.NewCompetitor;
import org.openetp.crm.CrmCommands.NewCompetitorClient;
import org.openetp.crm.CrmCommands.NewContact;
import org.openetp.crm.CrmCommands.NewDeal;
import org.openetp.crm.CrmCommands.NewQuote;
import org.openetp.crm.CrmCommands.NewSegment;
import org.openetp.crm.CrmCommands.NewSpend;
import org.openetp.crm.CrmCommands.NewSupplier;
import org.openetp.crm.CrmDeals;
import org.openetp.crm.CrmMarket;
import org.openetp.crm.CrmService;
import org.openetp.crm.CrmTeams;
import org.openetp.crm.CrmViews;
import org.openetp.crm.Dashboard;
import org.openetp.crm.Pipeline;
import org.openetp.crm.Timeline;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sales team's pages: accounts, contacts, the deal board and failures, the team with plans, the head's live
 * board, conflicts, supplier and competitor bases, segments and channel economics. A refused form comes back to its
 * page with the reason.
 */
@Controller
class CrmPageController {

    private final CrmService crm;
    private final CrmDeals crmDeals;
    private final CrmMarket crmMarket;
    private final Pipeline pipeline;
    private final Timeline timeline;
    private final Dashboard dashboard;
    private final MessageSource messages;
    private final CompetitorEvidence evidence;

    CrmPageController(CrmService crm, CrmDeals crmDeals, CrmMarket crmMarket,
            Pipeline pipeline, Timeline timeline, Dashboard dashboard,
            MessageSource messages, CompetitorEvidence evidence) {
        this.evidence = evidence;
        this.dashboard = dashboard;
        this.crm = crm;
        this.crmDeals = crmDeals;
        this.crmMarket = crmMarket;
        this.pipeline = pipeline;
        this.timeline = timeline;
        this.messages = messages;
    }

    private static @Nullable UUID org(HttpSession session) {
        return CrmTeams.org(session);
    }

    @GetMapping("/crm")
    String home() {
        return "redirect:/crm/deals";
    }

    @GetMapping("/crm/accounts")
    String accounts(@AuthenticationPrincipal CurrentUser user, HttpSession session, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable Boolean reserved,
            @RequestParam(required = false) @Nullable String channel, Model model) {
        model.addAttribute("me", crm.me(user, org(session)));
        model.addAttribute("accounts", crm.accounts(user, org(session), q, region, reserved, null, channel));
        model.addAttribute("q", q);
        return "crm/accounts";
    }

    @PostMapping("/crm/accounts")
    String createAccount(@AuthenticationPrincipal CurrentUser user, HttpSession session, NewAccount form, RedirectAttributes redirect) {
        return run(redirect, "/crm/accounts", () -> "/crm/accounts/" + crm.createAccount(user, org(session), form).id());
    }

    @GetMapping("/crm/accounts/{id}")
    String account(@AuthenticationPrincipal CurrentUser user, HttpSession session, @PathVariable UUID id, Model model) {
        model.addAttribute("detail", crm.account(user, id));
        model.addAttribute("me", crm.me(user, org(session)));
        model.addAttribute("managers", crm.managers(user, org(session)));
        model.addAttribute("roles", ContactRole.values());
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("timeline", timeline.ofAccount(user, id));
        return "crm/account";
    }

    @PostMapping("/crm/accounts/{id}/owners")
    String owner(@AuthenticationPrincipal CurrentUser user, HttpSession session, @PathVariable UUID id, AssignOwner form,
            RedirectAttributes redirect) {
        return run(redirect, "/crm/accounts/" + id, () -> {
            crm.assignOwner(user, id, form);
            return "/crm/accounts/" + id;
        });
    }

    @PostMapping("/crm/contacts")
    String contact(@AuthenticationPrincipal CurrentUser user, HttpSession session, NewContact form, RedirectAttributes redirect) {
        String back = "/crm/accounts/" + form.accountId();
        return run(redirect, back, () -> {
            crm.createContact(user, form);
            return back;
        });
    }

    @GetMapping("/crm/contacts")
    String contacts(@AuthenticationPrincipal CurrentUser user, HttpSession session, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String role, Model model) {
        model.addAttribute("contacts", crm.contacts(user, org(session), null, q, role));
        model.addAttribute("roles", ContactRole.values());
        model.addAttribute("q", q);
        return "crm/contacts";
    }

    @PostMapping("/crm/deals")
    String createDeal(@AuthenticationPrincipal CurrentUser user, HttpSession session, NewDeal form, RedirectAttributes redirect) {
        String back = "/crm/accounts/" + form.accountId();
        return run(redirect, back, () -> {
            crmDeals.createDeal(user, form);
            return back;
        });
    }

    @GetMapping("/crm/deals/{id}")
    String deal(@AuthenticationPrincipal CurrentUser user, HttpSession session, @PathVariable UUID id, Model model) {
        CrmViews.DealDetail detail = crmDeals.deal(user, id);
        model.addAttribute("detail", detail);
        model.addAttribute("timeline", timeline.ofDeal(user, id));
        model.addAttribute("contacts", crm.account(user, detail.deal().accountId()).contacts());
        model.addAttribute("probability", pipeline.probabilityOf(user, id));
        model.addAttribute("kinds", ActivityKind.values());
        return "crm/deal";
    }

    @PostMapping("/crm/deals/{id}/stage")
    String move(@AuthenticationPrincipal CurrentUser user, HttpSession session, @PathVariable UUID id, MoveDeal form,
            @RequestParam(defaultValue = "/crm/deals") String back, RedirectAttributes redirect) {
        String target = back.startsWith("/crm/") ? back : "/crm/deals";
        return run(redirect, target, () -> {
            crmDeals.moveDeal(user, id, form);
            redirect.addFlashAttribute("info", "crm.deal.moved");
            return target;
        });
    }

    @PostMapping("/crm/activities")
    String activity(@AuthenticationPrincipal CurrentUser user, HttpSession session, NewActivity form,
            @RequestParam(defaultValue = "/crm/deals") String back, RedirectAttributes redirect) {
        String target = back.startsWith("/crm/") ? back : "/crm/deals";
        return run(redirect, target, () -> {
            crmDeals.logActivity(user, form);
            redirect.addFlashAttribute("info", "crm.activity.logged");
            return target;
        });
    }

    @GetMapping("/crm/team")
    String team(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) {
        CrmViews.ManagerView me = crm.me(user, org(session));
        model.addAttribute("me", me);
        model.addAttribute("managers", me.head() ? crm.managers(user, org(session)) : List.of(me));
        model.addAttribute("settings", crm.settings(user, org(session)));
        model.addAttribute("probabilities", pipeline.probabilities(user, org(session)));
        return "crm/team";
    }

    @PostMapping("/crm/team/{userId}/plan")
    String plan(@AuthenticationPrincipal CurrentUser user, HttpSession session, @PathVariable UUID userId, AdjustPlan form,
            RedirectAttributes redirect) {
        return run(redirect, "/crm/team", () -> {
            crmDeals.adjustPlan(user, org(session), userId, form);
            redirect.addFlashAttribute("info", "crm.plan.saved");
            return "/crm/team";
        });
    }

    @PostMapping("/crm/team/{userId}")
    String profile(@AuthenticationPrincipal CurrentUser user, HttpSession session, @PathVariable UUID userId, ManagerProfile form,
            RedirectAttributes redirect) {
        return run(redirect, "/crm/team", () -> {
            crm.updateManager(user, org(session), userId,
                    new ManagerProfile(form.channel(), Boolean.TRUE.equals(form.headOffice()),
                            Boolean.TRUE.equals(form.head())));
            return "/crm/team";
        });
    }

    @PostMapping("/crm/settings")
    String settings(@AuthenticationPrincipal CurrentUser user, HttpSession session, @RequestParam(required = false) @Nullable UUID serviceManager,
            @RequestParam(defaultValue = "") String leadRegions, RedirectAttributes redirect) {
        return run(redirect, "/crm/team", () -> {
            crm.changeSettings(user, org(session), new ChangeSettings(serviceManager,
                    List.of(leadRegions.split("[,\\s]+"))));
            return "/crm/team";
        });
    }

    @GetMapping("/crm/board")
    String board(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) {
        model.addAttribute("rows", crmDeals.board(user, org(session)));
        model.addAttribute("funnel", dashboard.funnel(user, org(session)));
        model.addAttribute("conflictsWaiting", dashboard.waitingConflicts(user, org(session)));
        model.addAttribute("reserved", dashboard.reservedAccounts(user, org(session)));
        model.addAttribute("economics", crmMarket.economics(user, org(session)));
        return "crm/board";
    }

    /** The board's table alone, which the page reloads every two seconds. */
    @GetMapping("/crm/board/rows")
    String boardRows(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) {
        model.addAttribute("rows", crmDeals.board(user, org(session)));
        return "crm/board :: rows";
    }

    @GetMapping("/crm/conflicts")
    String conflicts(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) {
        model.addAttribute("conflicts", crmDeals.conflicts(user, org(session)));
        return "crm/conflicts";
    }

    @PostMapping("/crm/conflicts/{id}/decision")
    String decide(@AuthenticationPrincipal CurrentUser user, HttpSession session, @PathVariable UUID id, Decide form,
            RedirectAttributes redirect) {
        return run(redirect, "/crm/conflicts", () -> {
            crmDeals.decide(user, id, form);
            return "/crm/conflicts";
        });
    }

    @GetMapping("/crm/bases")
    String bases(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model, Locale locale) {
        model.addAttribute("suppliers", crmMarket.suppliers(user, org(session)));
        model.addAttribute("quotes", crmMarket.quotes(user, org(session), null));
        model.addAttribute("forks", crmMarket.priceForks(user, org(session)));
        model.addAttribute("niches", crmMarket.niches(user, org(session)));
        model.addAttribute("competitors", crmMarket.competitors(user, org(session)));
        model.addAttribute("evidence", evidence.evidence(user, org(session), locale));
        return "crm/bases";
    }

    @PostMapping("/crm/suppliers")
    String supplier(@AuthenticationPrincipal CurrentUser user, HttpSession session, NewSupplier form, RedirectAttributes redirect) {
        return run(redirect, "/crm/bases", () -> {
            crmMarket.createSupplier(user, org(session), form);
            return "/crm/bases";
        });
    }

    @PostMapping("/crm/quotes")
    String quote(@AuthenticationPrincipal CurrentUser user, HttpSession session, NewQuote form, RedirectAttributes redirect) {
        return run(redirect, "/crm/bases", () -> {
            crmMarket.addQuote(user, form);
            return "/crm/bases";
        });
    }

    @PostMapping("/crm/competitors")
    String competitor(@AuthenticationPrincipal CurrentUser user, HttpSession session, NewCompetitor form, RedirectAttributes redirect) {
        return run(redirect, "/crm/bases", () -> {
            crmMarket.createCompetitor(user, org(session), form);
            return "/crm/bases";
        });
    }

    @PostMapping("/crm/competitors/{id}/clients")
    String competitorClient(@AuthenticationPrincipal CurrentUser user, HttpSession session, @PathVariable UUID id,
            NewCompetitorClient form, RedirectAttributes redirect) {
        return run(redirect, "/crm/bases", () -> {
            crmMarket.addCompetitorClient(user, id, form);
            return "/crm/bases";
        });
    }

    @GetMapping("/crm/market")
    String market(@AuthenticationPrincipal CurrentUser user, HttpSession session, @RequestParam(required = false) @Nullable UUID segment,
            Model model) {
        model.addAttribute("segments", crmMarket.segments(user, org(session)));
        model.addAttribute("segmentAccounts", segment == null ? List.of() : crmMarket.segmentAccounts(user, segment));
        model.addAttribute("segment", segment);
        model.addAttribute("spend", crmMarket.spend(user, org(session)));
        model.addAttribute("economics", crmMarket.economics(user, org(session)));
        return "crm/market";
    }

    @PostMapping("/crm/segments")
    String segment(@AuthenticationPrincipal CurrentUser user, HttpSession session, NewSegment form, RedirectAttributes redirect) {
        return run(redirect, "/crm/market", () -> {
            crmMarket.createSegment(user, org(session), form);
            return "/crm/market";
        });
    }

    @PostMapping("/crm/channel-spend")
    String spend(@AuthenticationPrincipal CurrentUser user, HttpSession session, NewSpend form, RedirectAttributes redirect) {
        return run(redirect, "/crm/market", () -> {
            crmMarket.addSpend(user, org(session), form);
            return "/crm/market";
        });
    }

    @PostMapping("/crm/import/{kind}")
    String importCsv(@AuthenticationPrincipal CurrentUser user, HttpSession session, @PathVariable String kind,
            @RequestParam("file") MultipartFile file, RedirectAttributes redirect, Locale locale) {
        String back = kind.equals("quotes") ? "/crm/bases" : "/crm/accounts";
        return run(redirect, back, () -> {
            String csv;
            try {
                csv = new String(file.getBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidInputException("file", "crm.import.unreadable");
            }
            CrmViews.ImportReport report = switch (kind) {
                case "accounts" -> crm.importAccounts(user, org(session), csv);
                case "contacts" -> crm.importContacts(user, org(session), csv);
                default -> crmMarket.importQuotes(user, org(session), csv);
            };
            redirect.addFlashAttribute("importReport", CrmApiController.explained(report, messages, locale));
            return back;
        });
    }

    /** Runs a form's action; on refusal goes back to {@code failure} with the reason. */
    static String run(RedirectAttributes redirect, String failure, Action action) {
        try {
            return "redirect:" + action.run();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().messageKey());
            redirect.addFlashAttribute("errorField", e.errors().getFirst().field());
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:" + failure;
    }

    @FunctionalInterface
    interface Action {
        String run();
    }
}
