package org.openetp.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openetp.crm.CrmCommands.AssignOwner;
import org.openetp.crm.CrmCommands.ManagerProfile;
import org.openetp.crm.CrmCommands.MoveDeal;
import org.openetp.crm.CrmCommands.NewAccount;
import org.openetp.crm.CrmCommands.NewActivity;
import org.openetp.crm.CrmCommands.NewContact;
import org.openetp.crm.CrmCommands.NewDeal;
import org.openetp.crm.CrmCommands.NewQuote;
import org.openetp.crm.CrmCommands.NewSpend;
import org.openetp.crm.CrmCommands.NewSupplier;
import org.openetp.crm.CrmDeals;
import org.openetp.crm.CrmMarket;
import org.openetp.crm.CrmService;
import org.openetp.crm.CrmViews;
import org.openetp.crm.SalesDemo;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.openetp.identity.NewUser;
import org.openetp.identity.UserSummary;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.springframework.stereotype.Component;

/**
 * The demo supplier's sales team (issue 18): a head of sales and three managers in different channels, thirty
 * accounts, deals in every stage, a month of activities, a conflict waiting for the head, a reserved account worked
 * by the head office, a second supplier's quotes that widen the price fork, and channel spend.
 */
@Component
class SalesTeamDemo {

    static final String HEAD = "sales-head@demo.openetp.local";
    static final String INBOUND = "inbound@demo.openetp.local";
    static final String KEY = "key@demo.openetp.local";
    static final String WEB = "web@demo.openetp.local";

    private static final String[] STAGES = {"RESEARCH", "CONTACT", "NEED", "PRESENT", "CLOSE", "LOST"};
    private static final String[][] ACCOUNTS = {
        {"Kama Logistics LLC", "RU-TA"}, {"Ural Steel Service JSC", "RU-SVE"}, {"Neva Clinics LLC", "RU-SPE"},
        {"Don Agro Holding", "RU-ROS"}, {"Baikal Energy JSC", "RU-IRK"}, {"Volga Schools Fund", "RU-SAM"},
        {"Siberian Mining LLC", "RU-KEM"}, {"Kuban Foods JSC", "RU-KDA"}, {"Moscow Metro Retail", "RU-MOW"},
        {"Arctic Ports LLC", "RU-MUR"}, {"Oka Pharma JSC", "RU-NIZ"}, {"Altai Timber LLC", "RU-ALT"},
        {"Kazan University Clinic", "RU-TA"}, {"Perm Chemicals JSC", "RU-PER"}, {"Tula Arms Museum", "RU-TUL"},
        {"Yamal Gas Service", "RU-YAN"}, {"Crimea Resorts LLC", "RU-KDA"}, {"Omsk Bus Fleet", "RU-OMS"},
        {"Samara Aero Parts", "RU-SAM"}, {"Tver Glass Works", "RU-TVE"}, {"Belgorod Farms", "RU-BEL"},
        {"Vladivostok Fish JSC", "RU-PRI"}, {"Yaroslavl Paints", "RU-YAR"}, {"Khabarovsk Grid", "RU-KHA"},
        {"Sochi Hotels Group", "RU-KDA"}, {"Lipetsk Metals", "RU-LIP"}, {"Tomsk IT Park", "RU-TOM"},
        {"Novgorod Printing House", "RU-NGR"}};

    private final Identity identity;
    private final Organizations organizations;
    private final CrmService crm;
    private final CrmDeals crmDeals;
    private final CrmMarket crmMarket;
    private final SalesDemo demo;
    private final Clock clock;

    SalesTeamDemo(Identity identity, Organizations organizations, CrmService crm, CrmDeals crmDeals,
            CrmMarket crmMarket, SalesDemo demo, Clock clock) {
        this.identity = identity;
        this.organizations = organizations;
        this.crm = crm;
        this.crmDeals = crmDeals;
        this.crmMarket = crmMarket;
        this.demo = demo;
        this.clock = clock;
    }

    /** Seeds the team into the organization whose admin is {@code adminEmail}. */
    void seed(String adminEmail, OrganizationId organization) {
        CurrentUser admin = user(adminEmail);
        UUID org = organization.value();
        CurrentUser head = member(admin, organization, "Elena Sokolova", HEAD, "Head of sales", Role.HEAD_OF_SALES);
        CurrentUser inbound = member(admin, organization, "Dmitry Volkov", INBOUND, "Sales manager",
                Role.SALES_MANAGER);
        CurrentUser key = member(admin, organization, "Maria Ivanova", KEY, "Key account manager",
                Role.SALES_MANAGER);
        CurrentUser web = member(admin, organization, "Artem Lebedev", WEB, "Internet sales manager",
                Role.SALES_MANAGER);
        crm.managers(head, org); // every member gets his CRM profile
        crm.updateManager(head, org, inbound.id().value(), new ManagerProfile("INBOUND", false, false));
        crm.updateManager(head, org, key.id().value(), new ManagerProfile("KEY_ACCOUNTS", true, false));
        crm.updateManager(head, org, web.id().value(), new ManagerProfile("INTERNET", false, false));
        List<CurrentUser> managers = List.of(inbound, key, web);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int i = 0; i < ACCOUNTS.length; i++) {
            CurrentUser owner = managers.get(i % managers.size());
            account(owner, org, i, today);
        }
        demo.pastActivities(head, org, 30);
        reserved(head, key, org, today);
        conflict(web, org);
        market(head, org, today);
    }

    private void account(CurrentUser owner, UUID org, int i, LocalDate today) {
        String[] a = ACCOUNTS[i];
        CrmViews.AccountView account = crm.createAccount(owner, org, new NewAccount(a[0], null, a[1],
                new BigDecimal(2_000_000 + 750_000L * i), i % 2 == 0 ? "Tender buyer" : "Direct buyer", false));
        crm.createContact(owner, new NewContact(account.id(), "Contact " + (i + 1) + " of " + a[0], "Procurement",
                null, "+7 900 000-" + String.format("%02d", i) + "-00", i % 3 == 0 ? "DECISION_MAKER" : "INFLUENCER"));
        int stage = i % STAGES.length;
        CrmViews.DealView deal = crmDeals.createDeal(owner, new NewDeal(account.id(), "Supply for " + a[0],
                new BigDecimal(150_000 + 85_000L * i), "RUB", null, "Introduce our offer",
                today.plusDays(i % 7 - 3).toString()));
        boolean lost = STAGES[stage].equals("LOST");
        boolean planned = i % 5 != 3; // a few deals keep the first step planned at creation, some of it overdue
        for (int step = 1; step <= (lost ? 3 : stage); step++) {
            crmDeals.moveDeal(owner, deal.id(), new MoveDeal(STAGES[step], null, planned ? "Call the buyer" : null,
                    planned ? today.plusDays(i % 9 - 2).toString() : null));
        }
        if (lost) {
            crmDeals.moveDeal(owner, deal.id(), new MoveDeal("LOST", "Chose a cheaper rival",
                    "Call when their contract ends", today.plusMonths(3).toString()));
        }
    }

    /** A federal client the head reserves for the head office; its key account manager works it. */
    private void reserved(CurrentUser head, CurrentUser key, UUID org, LocalDate today) {
        CrmViews.AccountView railways = crm.createAccount(head, org, new NewAccount("Federal Railways JSC", null,
                "RU-MOW", new BigDecimal("900000000"), "Federal buyer", true));
        crm.assignOwner(head, railways.id(), new AssignOwner("KEY_ACCOUNTS", key.id().value()));
        CrmViews.DealView deal = crmDeals.createDeal(key, new NewDeal(railways.id(), "Station laptops 2027",
                new BigDecimal("18500000.00"), "RUB", null, "Call the IT department", today.toString()));
        crmDeals.moveDeal(key, deal.id(), new MoveDeal("CONTACT", null, "Meet the IT department",
                today.plusDays(2).toString()));
    }

    /** The internet manager calls a client the inbound manager found: the head must decide who keeps it. */
    private void conflict(CurrentUser web, UUID org) {
        CrmViews.AccountView kama = crm.accounts(web, org, "Kama Logistics", null, null, null, null).getFirst();
        crmDeals.logActivity(web, new NewActivity(kama.id(), null, "CALL", "Came from our web shop, asked for a quote"));
    }

    /** Channel spend for the economics and a second distributor whose prices widen the fork. */
    private void market(CurrentUser head, UUID org, LocalDate today) {
        String[][] spend = {{"INBOUND", "120000"}, {"KEY_ACCOUNTS", "450000"}, {"INTERNET", "210000"},
            {"SERVICE", "60000"}};
        for (String[] s : spend) {
            crmMarket.addSpend(head, org, new NewSpend(s[0], new BigDecimal(s[1]), today.minusDays(20).toString(),
                    "Salaries and advertising"));
        }
        CrmViews.SupplierView volga = crmMarket.createSupplier(head, org, new NewSupplier("Volga IT Supply",
                "sales@volga-it.example", "RU-SAM", "Prepayment 50 %"));
        for (String[] q : new String[][] {{"10", "112000.00"}, {"100", "104000.00"}}) {
            crmMarket.addQuote(head, new NewQuote(volga.id(), "Business laptop 14\"", "Laptops", new BigDecimal(q[0]),
                    "pcs", new BigDecimal(q[1]), "RUB"));
        }
    }

    private CurrentUser member(CurrentUser admin, OrganizationId org, String name, String email, String position,
            Role role) {
        identity.registerConfirmed(new NewUser(name, email, "+7 495 000-01-00", position, DemoData.PASSWORD, "en"),
                false);
        organizations.addMember(admin, org, email, Set.of(role));
        return user(email);
    }

    private CurrentUser user(String email) {
        UserSummary s = identity.findByEmail(email).orElseThrow();
        return new CurrentUser(s.id(), s.email(), s.fullName(), s.operator(), s.locale());
    }
}
