package org.openetp.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openetp.billing.Billing;
import org.openetp.billing.NewSubscription;
import org.openetp.billing.PaymentSource;
import org.openetp.billing.RecordPayment;
import org.openetp.billing.Subscribe;
import org.openetp.crm.CrmCommands;
import org.openetp.crm.CrmDeals;
import org.openetp.crm.CrmMarket;
import org.openetp.crm.CrmService;
import org.openetp.crm.CrmViews;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.openetp.identity.NewUser;
import org.openetp.identity.UserId;
import org.openetp.identity.UserSummary;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.RegisterOrganization;
import org.openetp.organization.Role;
import org.openetp.procurement.CreateProcedure;
import org.openetp.procurement.PlaceBid;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds a newcomer's platform (OPENETP_DEMO_DATA=true) into an empty database: an accredited buyer with an open
 * request for quotations (one sealed bid in it) and a draft tender and a member of its evaluation committee, an
 * accredited supplier, and a Thai organization waiting in the accreditation queue. Runs once: a database that already has
 * the demo buyer is left alone. The identifiers are valid but made up.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "openetp.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo-password";
    static final String BUYER = "buyer@demo.openetp.local";
    static final String SUPPLIER = "supplier@demo.openetp.local";
    static final String THAI = "somchai@demo.openetp.local";
    static final String RIVAL = "rival@demo.openetp.local";
    static final String COMMITTEE = "committee@demo.openetp.local";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Identity identity;
    private final Organizations organizations;
    private final Procurement procurement;
    private final Billing billing;
    private final CrmService crm;
    private final CrmDeals crmDeals;
    private final CrmMarket crmMarket;
    private final Clock clock;
    private final String operatorEmail;
    private final Duration minPeriod;
    private final SalesTeamDemo salesTeam;

    DemoData(Identity identity, Organizations organizations, Procurement procurement, Billing billing, CrmService crm,
            CrmDeals crmDeals, CrmMarket crmMarket, Clock clock, SalesTeamDemo salesTeam,
            @Value("${openetp.operator.email:}") String operatorEmail,
            @Value("${openetp.procurement.min-period}") Duration minPeriod) {
        this.identity = identity;
        this.organizations = organizations;
        this.procurement = procurement;
        this.billing = billing;
        this.crm = crm;
        this.crmDeals = crmDeals;
        this.crmMarket = crmMarket;
        this.clock = clock;
        this.salesTeam = salesTeam;
        this.operatorEmail = operatorEmail;
        this.minPeriod = minPeriod;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.emailTaken(BUYER)) {
            return;
        }
        CurrentUser operator = identity.findByEmail(operatorEmail).map(DemoData::asCurrentUser).orElse(null);
        OrganizationId buyer = register(new NewUser("Anna Buyer", BUYER, "+7 495 000-00-01", "Head of procurement",
                PASSWORD, "en"), ru("LLC", "7701012342", "1027700123450", "770101001", "Demo Buyer LLC",
                "Demo Buyer", "Moscow, Tverskaya 1", "RU-MOW", List.of(), List.of("26.2", "62.0", "27.1")));
        OrganizationId supplier = register(new NewUser("Sergey Supplier", SUPPLIER, "+7 495 000-00-02",
                "Sales director", PASSWORD, "ru"), ru("JSC", "5003012349", "1055000123452", "500301001",
                "Joint-stock company Demo Supplier", "Demo Supplier", "Moscow region, Khimki, Lenina 5", "RU-MOS",
                List.of("26.2", "62.0", "33.1"), List.of()));
        OrganizationId rival = register(new NewUser("Olga Rival", RIVAL, "+7 343 000-00-03", "Key account manager",
                PASSWORD, "ru"), ru("LLC", "6658012341", "1026600123450", "665801001", "Ural Demo Electronics LLC",
                "Ural Demo Electronics", "Yekaterinburg, Lenina 10", "RU-SVE", List.of("26.2"), List.of()));
        register(new NewUser("Somchai Jaidee", THAI, "+66 2 000 0000", "Managing director", PASSWORD, "th"),
                new RegisterOrganization.OrganizationPart("TH", "COMPANY_LIMITED", "0105550123451", null, null,
                        "Siam Demo Trading Co., Ltd.", "Siam Demo Trading", "Bangkok, Sukhumvit Road 1",
                        "Bangkok, Sukhumvit Road 1", "Bangkok, Sukhumvit Road 1", List.of("10.1", "46.3"),
                        List.of(), true, "Food distribution", "TH-10"));
        committeeMember(buyer);
        if (operator != null) {
            organizations.accredit(operator, buyer);
            organizations.accredit(operator, supplier);
            organizations.accredit(operator, rival);
            fullPlan(operator, SUPPLIER, "DEMO-1");
            fullPlan(operator, RIVAL, "DEMO-2");
            // The sales pipeline first: the demo buyer is already the supplier's client when its procedures are
            // published, so their leads go to that client's owner (SPEC §7.11) rather than racing to create it.
            salesPipeline();
            salesTeam.seed(SUPPLIER, supplier);
            procedures();
            liveAuction();
        }
        log.info("Demo data seeded: {}, {} and {} (password '{}'), operator {}", BUYER, COMMITTEE, SUPPLIER,
                PASSWORD, operatorEmail);
    }

    /**
     * A colleague of the demo buyer on its evaluation committee (the only role the buyer's admin gives her): she
     * opens the sealed envelopes and scores tenders, and sees what a committee member sees.
     */
    private void committeeMember(OrganizationId buyer) {
        identity.registerConfirmed(new NewUser("Irina Committee", COMMITTEE, "+7 495 000-00-04",
                "Evaluation committee member", PASSWORD, "ru"), false);
        CurrentUser admin = identity.findByEmail(BUYER).map(DemoData::asCurrentUser).orElseThrow();
        organizations.addMember(admin, buyer, COMMITTEE, Set.of(Role.COMMITTEE_MEMBER));
    }

    /** The demo supplier buys the FULL plan and the operator records the transfer, so that it may bid (SPEC §4.3). */
    private void fullPlan(CurrentUser operator, String email, String reference) {
        CurrentUser supplier = identity.findByEmail(email).map(DemoData::asCurrentUser).orElseThrow();
        NewSubscription bought = billing.subscribe(supplier, new Subscribe("FULL", null));
        billing.recordPayment(bought.invoiceId(), new RecordPayment(new BigDecimal("10000.00"), "RUB", reference),
                new PaymentSource.Operator(operator));
    }

    /**
     * The demo supplier's sales team at work (SPEC §7): the demo buyer as a client with its decision maker, two deals
     * on the board, a logged call, a supplier's quotes (a price fork) and a competitor.
     */
    private void salesPipeline() {
        CurrentUser head = identity.findByEmail(SUPPLIER).map(DemoData::asCurrentUser).orElseThrow();
        CrmViews.AccountView buyer = crm.createAccount(head, null, new CrmCommands.NewAccount("Demo Buyer LLC",
                "7701012342", "RU-MOW", new BigDecimal("25000000"), "Office equipment buyer", false));
        CrmViews.AccountView retail = crm.createAccount(head, null, new CrmCommands.NewAccount("Volga Retail JSC",
                null, "RU-SAM", new BigDecimal("8000000"), "Retail chain", false));
        crm.createContact(head, new CrmCommands.NewContact(buyer.id(), "Anna Buyer", "Head of procurement",
                BUYER, "+7 495 000-00-01", "DECISION_MAKER"));
        crm.createContact(head, new CrmCommands.NewContact(retail.id(), "Pavel Orlov", "IT manager",
                "it@volga-retail.example", "+7 846 000-00-10", "TECHNICAL"));
        CrmViews.DealView laptops = crmDeals.createDeal(head, new CrmCommands.NewDeal(buyer.id(),
                "Laptops for the Moscow office", new BigDecimal("2290000.00"), "RUB", null, "Send the offer",
                LocalDate.now(clock).plusDays(2).toString()));
        crmDeals.moveDeal(head, laptops.id(), new CrmCommands.MoveDeal("NEED", null, null, null));
        crmDeals.createDeal(head, new CrmCommands.NewDeal(retail.id(), "Tablets for 40 stores",
                new BigDecimal("1600000.00"), "RUB", null, "Call Pavel about the pilot",
                LocalDate.now(clock).plusDays(5).toString()));
        crmDeals.logActivity(head, new CrmCommands.NewActivity(buyer.id(), laptops.id(), "CALL",
                "Confirmed 20 laptops, delivery within 30 days"));
        CrmViews.SupplierView distributor = crmMarket.createSupplier(head, null, new CrmCommands.NewSupplier(
                "Moscow IT Distribution", "sales@msk-it.example", "RU-MOW", "Payment in 30 days"));
        for (String[] quote : new String[][] {{"10", "98000.00"}, {"50", "91000.00"}, {"200", "86500.00"}}) {
            crmMarket.addQuote(head, new CrmCommands.NewQuote(distributor.id(), "Business laptop 14\"", "Laptops",
                    new BigDecimal(quote[0]), "pcs", new BigDecimal(quote[1]), "RUB"));
        }
        crmMarket.createCompetitor(head, null, new CrmCommands.NewCompetitor("TechnoPark B2B",
                "Search ads, marketplaces", "First page for \"business laptops\"", "https://technopark.example",
                new BigDecimal("95000.00"), new BigDecimal("120000.00"), "RUB", "Fast delivery; large stock",
                "No service contracts"));
    }

    /**
     * A reverse auction both demo suppliers applied to: its applications open as soon as the minimum period allows
     * (a minute in the dev profile) and its live auction starts a minute later and runs for two hours.
     */
    private void liveAuction() {
        CurrentUser buyer = identity.findByEmail(BUYER).map(DemoData::asCurrentUser).orElseThrow();
        Instant deadline = clock.instant().plus(minPeriod).plusSeconds(30);
        Instant start = deadline.plus(Duration.ofMinutes(1));
        ProcedureView auction = procurement.create(buyer, new CreateProcedure("REVERSE_AUCTION",
                "Monitors for the Moscow office (live auction)", "40 monitors, 27\", 4K, USB-C; delivery within 14 days.",
                "RUB", deadline, Map.of("auctionStart", start.toString(), "duration", "PT2H"),
                List.of(new CreateProcedure.NewLot("27-inch 4K monitors", "26.2", BigDecimal.valueOf(40), "pcs",
                        new BigDecimal("1200000.00"), "RU-MOW", null)), null, null));
        procurement.publish(buyer, auction.id());
        for (String email : List.of(SUPPLIER, RIVAL)) {
            CurrentUser supplier = identity.findByEmail(email).map(DemoData::asCurrentUser).orElseThrow();
            procurement.placeBid(supplier, auction.id(), auction.lots().getFirst().id(), new PlaceBid(
                    new BigDecimal(email.equals(SUPPLIER) ? "1180000.00" : "1190000.00"), "RUB", null, null, null,
                    null, null));
        }
    }

    /** An open request for quotations with one sealed bid, and a draft tender, so both sides have something to do. */
    private void procedures() {
        CurrentUser buyer = identity.findByEmail(BUYER).map(DemoData::asCurrentUser).orElseThrow();
        CurrentUser supplier = identity.findByEmail(SUPPLIER).map(DemoData::asCurrentUser).orElseThrow();
        Instant deadline = clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);
        ProcedureView rfq = procurement.create(buyer, new CreateProcedure("REQUEST_FOR_QUOTATIONS",
                "Laptops for the Moscow office", "20 business laptops: 14\", 16 GB RAM, 512 GB SSD, 3-year warranty. "
                        + "Delivery to Moscow within 30 days of the contract.", "RUB", deadline, Map.of(),
                List.of(new CreateProcedure.NewLot("Business laptops", "26.2", BigDecimal.valueOf(20), "pcs",
                                new BigDecimal("2400000.00"), "RU-MOW", null),
                        new CreateProcedure.NewLot("Docking stations", "26.2", BigDecimal.valueOf(20), "pcs",
                                new BigDecimal("300000.00"), "RU-MOW", null)), null, null));
        procurement.publish(buyer, rfq.id());
        procurement.placeBid(supplier, rfq.id(), rfq.lots().getFirst().id(),
                new PlaceBid(new BigDecimal("2290000.00"), "RUB", null, null, null, null, null));
        procurement.create(buyer, new CreateProcedure("OPEN_TENDER", "Office cleaning services, 2027",
                "Daily cleaning of 3,500 m² of offices in Moscow for twelve months.", "RUB",
                deadline.plus(Duration.ofDays(14)), Map.of(),
                List.of(new CreateProcedure.NewLot("Office cleaning", "81.2", BigDecimal.ONE, "service",
                        new BigDecimal("4800000.00"), "RU-MOW",
                        new CreateProcedure.NewSecurity("PERCENT", new BigDecimal("1")))),
                List.of(new CreateProcedure.NewCriterion("price", new BigDecimal("60")),
                        new CreateProcedure.NewCriterion("experience", new BigDecimal("25")),
                        new CreateProcedure.NewCriterion("quality", new BigDecimal("15"))), null));
    }

    private OrganizationId register(NewUser user, RegisterOrganization.OrganizationPart organization) {
        UserId id = identity.registerConfirmed(user, false);
        return organizations.register(new RegisterOrganization(null, organization), id, user.locale())
                .organizationId();
    }

    private static RegisterOrganization.OrganizationPart ru(String legalForm, String inn, String ogrn, String kpp,
            String fullName, String shortName, String address, String region, List<String> offered,
            List<String> consumed) {
        return new RegisterOrganization.OrganizationPart("RU", legalForm, inn, ogrn, kpp, fullName, shortName,
                address, address, address, offered, consumed, false, "Manufacturing", region);
    }

    private static CurrentUser asCurrentUser(UserSummary s) {
        return new CurrentUser(s.id(), s.email(), s.fullName(), s.operator(), s.locale());
    }
}
