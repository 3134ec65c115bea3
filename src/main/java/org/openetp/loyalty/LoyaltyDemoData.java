package org.openetp.loyalty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openetp.identity.Identity;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.shared.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo loyalty data (OPENETP_DEMO_DATA=true), after the platform's own demo data: the demo supplier's partner
 * program with a rewards catalogue, and a year of history for the demo buyer (a contract a month, unlocks, a tier
 * change, a money credit redeemed and settled, cashback turned into a credit note not settled yet) plus a client
 * outside the platform. The history is written through the ledger itself, each month with a clock set to that
 * month, so it is what a year of real use leaves behind.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "openetp.demo-data", havingValue = "true")
class LoyaltyDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LoyaltyDemoData.class);
    private static final String SUPPLIER_TAX_ID = "5003012349";
    private static final String BUYER_TAX_ID = "7701012342";
    private static final String BUYER_EMAIL = "buyer@demo.openetp.local";

    private final Organizations organizations;
    private final Identity identity;
    private final ProgramStore programs;
    private final CatalogueStore catalogue;
    private final PointsStore points;
    private final LoyaltyAccess access;
    private final Mailer mailer;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LoyaltyDemoData(Organizations organizations, Identity identity, ProgramStore programs, CatalogueStore catalogue,
            PointsStore points, LoyaltyAccess access, Mailer mailer, MessageSource messages,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.organizations = organizations;
        this.identity = identity;
        this.programs = programs;
        this.catalogue = catalogue;
        this.points = points;
        this.access = access;
        this.mailer = mailer;
        this.messages = messages;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var seller = organizations.findByTaxId(SUPPLIER_TAX_ID);
        var buyer = organizations.findByTaxId(BUYER_TAX_ID);
        var buyerUser = identity.findByEmail(BUYER_EMAIL);
        if (seller.isEmpty() || buyer.isEmpty() || buyerUser.isEmpty()
                || !programs.programsOf(seller.get().value()).isEmpty()) {
            return;
        }
        UUID sellerAdmin = organizations.admins(seller.get()).getFirst().value();
        transactions.executeWithoutResult(status -> seed(seller.get(), buyer.get(), buyerUser.get().id().value(),
                sellerAdmin));
        log.info("Demo loyalty program seeded for {}", access.name(seller.get().value()));
    }

    private void seed(OrganizationId seller, OrganizationId buyer, UUID buyerUser, UUID sellerAdmin) {
        Instant start = clock.instant().minus(Duration.ofDays(365));
        ProgramStore.Program program = new ProgramStore.Program(ProgramId.random(), seller.value(),
                "Demo Supplier Partners", "RUB", LocalDate.ofInstant(start, ZoneOffset.UTC), null, 1);
        programs.insertProgram(program, start);
        programs.insertRules(program.id(), ProgramRules.rules(new DefineProgram(program.name(), "RUB",
                new BigDecimal("0.01"), new BigDecimal("1"), "P365D", "P14D", null, null, Map.of("26.2",
                new BigDecimal("0.015")), List.of(new DefineProgram.TierInput("Silver", new BigDecimal("1000000"),
                        new BigDecimal("1.25")), new DefineProgram.TierInput("Gold", new BigDecimal("5000000"),
                        new BigDecimal("1.5")))), 1, start, new ArrayList<>()));
        RewardView credit = reward(program.id(), RewardKind.MONEY_CREDIT, "Credit of 20,000 RUB on your next invoice",
                "2000", "20000.00", null, start);
        reward(program.id(), RewardKind.MARKETING, "Co-branded catalogue page", "5000", null, 10, start);
        reward(program.id(), RewardKind.CHARITY, "Donation to a children's hospital", "1000", null, null, start);
        reward(program.id(), RewardKind.TRAINING, "Product training for your engineers", "3000", null, 5, start);
        ProgramStore.Member member = programs.memberOfClient(program.id(), buyer.value(), access.name(buyer.value()),
                start);
        ProgramStore.Member offline = programs.memberOfCrmAccount(program.id(), UUID.randomUUID(),
                "Volga Retail JSC", "it@volga-retail.example", start);
        for (int month = 0; month < 12; month++) {
            Instant at = start.plus(Duration.ofDays(30L * month + 3));
            atTime(at).earn(program, programs.member(member.id()).orElseThrow(), "IMPORT", UUID.randomUUID(),
                    "Contract " + (month + 1) + ": laptops and monitors", BigDecimal.valueOf(450_000 + month * 25_000L),
                    "26.2");
            if (month % 4 == 1) {
                atTime(at).earn(program, offline, "IMPORT", UUID.randomUUID(), "Won deal " + (month + 1),
                        BigDecimal.valueOf(300_000), null);
            }
            nightly(at.plus(Duration.ofDays(15)));
            if (month == 8) {
                redeemAndSettle(program, member, credit, buyerUser, sellerAdmin, at.plus(Duration.ofDays(16)));
            }
            if (month == 10) {
                creditNote(program, member, buyerUser, at.plus(Duration.ofDays(16)));
            }
        }
        nightly(clock.instant());
    }

    private RewardView reward(ProgramId program, RewardKind kind, String name, String price, String credit,
            Integer stock, Instant at) {
        RewardView reward = new RewardView(UUID.randomUUID(), program.value(), kind, name, "", new BigDecimal(price),
                credit == null ? null : new BigDecimal(credit), stock, true);
        catalogue.insertReward(reward, at);
        return reward;
    }

    private Earnings atTime(Instant at) {
        Clock then = Clock.fixed(at, ZoneOffset.UTC);
        return new Earnings(programs, catalogue, points, new PointsLedger(points, then), access, mailer, messages,
                then);
    }

    private void nightly(Instant at) {
        Clock then = Clock.fixed(at, ZoneOffset.UTC);
        new Nightly(points, new PointsLedger(points, then), programs, events, transactions, then).run();
    }

    private void redeemAndSettle(ProgramStore.Program program, ProgramStore.Member member, RewardView credit,
            UUID buyerUser, UUID sellerAdmin, Instant at) {
        PointsLedger ledger = new PointsLedger(points, Clock.fixed(at, ZoneOffset.UTC));
        PointsLedger.Posted posted = ledger.redeem(program.id(), member.id(), Unit.POINTS, credit.points(),
                "redeem:" + member.id() + ":demo", credit.name(), buyerUser.toString());
        UUID redemption = UUID.randomUUID();
        catalogue.insertRedemption(redemption, program.id(), member.id(), credit, posted.posting(), buyerUser, at);
        catalogue.fulfil(redemption, sellerAdmin, "Credited on invoice DS-2026-118", at.plus(Duration.ofDays(6)));
    }

    /** Cashback turned into a credit note the seller has not settled yet (its fulfilment list shows it). */
    private void creditNote(ProgramStore.Program program, ProgramStore.Member member, UUID buyerUser, Instant at) {
        BigDecimal amount = new BigDecimal("10000.00");
        PointsLedger ledger = new PointsLedger(points, Clock.fixed(at, ZoneOffset.UTC));
        PointsLedger.Posted posted = ledger.redeem(program.id(), member.id(), Unit.CREDIT, amount,
                "cashback:" + member.id() + ":demo", "", buyerUser.toString());
        catalogue.insertCashbackRedemption(UUID.randomUUID(), program.id(), member.id(), amount, posted.posting(),
                buyerUser, at);
    }
}
