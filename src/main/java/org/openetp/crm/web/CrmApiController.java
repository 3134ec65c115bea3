package org.openetp.crm.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
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
import org.openetp.crm.CrmExports;
import org.openetp.crm.CrmMarket;
import org.openetp.crm.CrmService;
import org.openetp.crm.CrmViews;
import org.openetp.crm.CrmViews.ImportReport;
import org.openetp.crm.CrmViews.Rejected;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CRM's JSON API. List and create calls work in the caller's sales team ({@code organizationId} names it when he
 * is in several); calls by id find the record's team and answer 404 to anybody outside it.
 */
@RestController
@RequestMapping("/api/v1/crm")
class CrmApiController {

    private final CrmService crm;
    private final CrmDeals crmDeals;
    private final CrmMarket crmMarket;
    private final CrmExports exports;
    private final MessageSource messages;

    CrmApiController(CrmService crm, CrmDeals crmDeals, CrmMarket crmMarket,
            CrmExports exports, MessageSource messages) {
        this.crm = crm;
        this.crmDeals = crmDeals;
        this.crmMarket = crmMarket;
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping("/me")
    CrmViews.ManagerView me(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable UUID organizationId) {
        return crm.me(user, organizationId);
    }

    @GetMapping("/managers")
    List<CrmViews.ManagerView> managers(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return crm.managers(user, organizationId);
    }

    @PutMapping("/managers/{userId}")
    CrmViews.ManagerView manager(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID userId,
            @RequestParam(required = false) @Nullable UUID organizationId, @RequestBody ManagerProfile body) {
        return crm.updateManager(user, organizationId, userId, body);
    }

    @PutMapping("/managers/{userId}/plan")
    CrmViews.ManagerView plan(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID userId,
            @RequestParam(required = false) @Nullable UUID organizationId, @RequestBody AdjustPlan body) {
        return crmDeals.adjustPlan(user, organizationId, userId, body);
    }

    @GetMapping("/settings")
    CrmViews.SettingsView settings(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return crm.settings(user, organizationId);
    }

    @PutMapping("/settings")
    CrmViews.SettingsView settings(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId, @RequestBody ChangeSettings body) {
        return crm.changeSettings(user, organizationId, body);
    }

    @GetMapping("/accounts")
    List<CrmViews.AccountView> accounts(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable Boolean reserved,
            @RequestParam(required = false) @Nullable UUID owner,
            @RequestParam(required = false) @Nullable String channel) {
        return crm.accounts(user, organizationId, q, region, reserved, owner, channel);
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    CrmViews.AccountView createAccount(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId, @RequestBody NewAccount body) {
        return crm.createAccount(user, organizationId, body);
    }

    @GetMapping("/accounts/{id}")
    CrmViews.AccountDetail account(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return crm.account(user, id);
    }

    @PutMapping("/accounts/{id}")
    CrmViews.AccountView updateAccount(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody NewAccount body) {
        return crm.updateAccount(user, id, body);
    }

    @PostMapping("/accounts/{id}/owners")
    CrmViews.AccountDetail assignOwner(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody AssignOwner body) {
        return crm.assignOwner(user, id, body);
    }

    @GetMapping("/contacts")
    List<CrmViews.ContactView> contacts(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable UUID accountId,
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String role) {
        return crm.contacts(user, organizationId, accountId, q, role);
    }

    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    CrmViews.ContactView createContact(@AuthenticationPrincipal CurrentUser user, @RequestBody NewContact body) {
        return crm.createContact(user, body);
    }

    @PutMapping("/contacts/{id}")
    CrmViews.ContactView updateContact(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody NewContact body) {
        return crm.updateContact(user, id, body);
    }

    @DeleteMapping("/contacts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteContact(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        crm.deleteContact(user, id);
    }

    @GetMapping("/deals")
    List<CrmViews.DealView> deals(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable String stage, @RequestParam(required = false) @Nullable UUID owner,
            @RequestParam(required = false) @Nullable UUID accountId,
            @RequestParam(required = false) @Nullable String q) {
        return crmDeals.deals(user, organizationId, stage, owner, accountId, q);
    }

    @PostMapping("/deals")
    @ResponseStatus(HttpStatus.CREATED)
    CrmViews.DealView createDeal(@AuthenticationPrincipal CurrentUser user, @RequestBody NewDeal body) {
        return crmDeals.createDeal(user, body);
    }

    @GetMapping("/deals/{id}")
    CrmViews.DealDetail deal(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return crmDeals.deal(user, id);
    }

    @PostMapping("/deals/{id}/stage")
    CrmViews.DealDetail move(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody MoveDeal body) {
        return crmDeals.moveDeal(user, id, body);
    }

    @GetMapping("/failures")
    List<CrmViews.DealView> failures(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return crmDeals.failures(user, organizationId);
    }

    @GetMapping("/activities")
    List<CrmViews.ActivityView> activities(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable UUID accountId,
            @RequestParam(required = false) @Nullable UUID managerId) {
        return crmDeals.activities(user, organizationId, accountId, managerId);
    }

    @PostMapping("/activities")
    @ResponseStatus(HttpStatus.CREATED)
    CrmViews.ActivityView logActivity(@AuthenticationPrincipal CurrentUser user, @RequestBody NewActivity body) {
        return crmDeals.logActivity(user, body);
    }

    @GetMapping("/board")
    List<CrmViews.BoardRow> board(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return crmDeals.board(user, organizationId);
    }

    @GetMapping("/conflicts")
    List<CrmViews.ConflictView> conflicts(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return crmDeals.conflicts(user, organizationId);
    }

    @GetMapping("/conflicts/{id}")
    CrmViews.ConflictView conflict(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return crmDeals.conflict(user, id);
    }

    @PostMapping("/conflicts/{id}/decision")
    CrmViews.ConflictView decide(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody Decide body) {
        return crmDeals.decide(user, id, body);
    }

    @GetMapping("/suppliers")
    List<CrmViews.SupplierView> suppliers(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return crmMarket.suppliers(user, organizationId);
    }

    @PostMapping("/suppliers")
    @ResponseStatus(HttpStatus.CREATED)
    CrmViews.SupplierView createSupplier(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId, @RequestBody NewSupplier body) {
        return crmMarket.createSupplier(user, organizationId, body);
    }

    @GetMapping("/quotes")
    List<CrmViews.QuoteView> quotes(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable UUID supplierId) {
        return crmMarket.quotes(user, organizationId, supplierId);
    }

    @PostMapping("/quotes")
    @ResponseStatus(HttpStatus.CREATED)
    CrmViews.QuoteView addQuote(@AuthenticationPrincipal CurrentUser user, @RequestBody NewQuote body) {
        return crmMarket.addQuote(user, body);
    }

    @GetMapping("/price-forks")
    List<CrmViews.PriceFork> forks(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return crmMarket.priceForks(user, organizationId);
    }

    @GetMapping("/niches")
    List<CrmViews.NicheMargin> niches(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return crmMarket.niches(user, organizationId);
    }

    @GetMapping("/competitors")
    List<CrmViews.CompetitorView> competitors(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return crmMarket.competitors(user, organizationId);
    }

    @PostMapping("/competitors")
    @ResponseStatus(HttpStatus.CREATED)
    CrmViews.CompetitorView createCompetitor(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId, @RequestBody NewCompetitor body) {
        return crmMarket.createCompetitor(user, organizationId, body);
    }

    @GetMapping("/competitors/{id}")
    CrmViews.CompetitorView competitor(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return crmMarket.competitor(user, id);
    }

    @PostMapping("/competitors/{id}/clients")
    @ResponseStatus(HttpStatus.CREATED)
    CrmViews.CompetitorView competitorClient(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestBody NewCompetitorClient body) {
        return crmMarket.addCompetitorClient(user, id, body);
    }

    @GetMapping("/segments")
    List<CrmViews.SegmentView> segments(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return crmMarket.segments(user, organizationId);
    }

    @PostMapping("/segments")
    @ResponseStatus(HttpStatus.CREATED)
    CrmViews.SegmentView createSegment(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId, @RequestBody NewSegment body) {
        return crmMarket.createSegment(user, organizationId, body);
    }

    @GetMapping("/segments/{id}/accounts")
    List<CrmViews.AccountView> segmentAccounts(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return crmMarket.segmentAccounts(user, id);
    }

    @GetMapping("/channel-spend")
    List<CrmViews.SpendView> spend(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return crmMarket.spend(user, organizationId);
    }

    @PostMapping("/channel-spend")
    @ResponseStatus(HttpStatus.CREATED)
    CrmViews.SpendView addSpend(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId, @RequestBody NewSpend body) {
        return crmMarket.addSpend(user, organizationId, body);
    }

    @GetMapping("/channel-economics")
    CrmViews.Economics economics(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId) {
        return crmMarket.economics(user, organizationId);
    }

    /** A CSV file as the body (text/csv); {@code kind} is accounts, contacts or quotes. */
    @PostMapping(value = "/import/{kind}", consumes = {"text/csv", "text/plain"})
    ImportReport importCsv(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind,
            @RequestParam(required = false) @Nullable UUID organizationId, @RequestBody String csv, Locale locale) {
        Function<String, ImportReport> importer = switch (kind) {
            case "accounts" -> body -> crm.importAccounts(user, organizationId, body);
            case "contacts" -> body -> crm.importContacts(user, organizationId, body);
            case "quotes" -> body -> crmMarket.importQuotes(user, organizationId, body);
            default -> throw new NotFoundException("Import");
        };
        return explained(importer.apply(csv), messages, locale);
    }

    static ImportReport explained(ImportReport report, MessageSource messages, Locale locale) {
        return new ImportReport(report.imported(), report.rejected().stream().map(r -> new Rejected(r.line(),
                r.field(), r.reason(), messages.getMessage(r.reason(), null, r.reason(), locale))).toList());
    }

    /** Every list as CSV: accounts, contacts, deals, failures, activities, suppliers, quotes, price-forks, ... */
    @GetMapping("/export/{list}.csv")
    ResponseEntity<String> export(@AuthenticationPrincipal CurrentUser user, @PathVariable String list,
            @RequestParam(required = false) @Nullable UUID organizationId, @RequestParam Map<String, String> filters) {
        return exports.csv(user, organizationId, list);
    }
}
