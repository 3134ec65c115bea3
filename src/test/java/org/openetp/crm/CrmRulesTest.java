package org.openetp.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;

/** The CRM's rules without Spring: reserved accounts, hand-over, the finder, conflicts, plans and the funnel. */
class CrmRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final UUID ORG = UUID.randomUUID();

    private static Manager manager(Channel channel, boolean headOffice, boolean head) {
        return new Manager(UUID.randomUUID(), "M " + channel, channel, headOffice, head, Plan.DEFAULT);
    }

    @Test
    void aReservedAccountIsOwnedAndWorkedOnlyByHeadOfficeManagers() {
        Manager headOffice = manager(Channel.KEY_ACCOUNTS, true, false);
        Manager branch = manager(Channel.INBOUND, false, false);
        Account federal = Account.found(UUID.randomUUID(), ORG, true, headOffice, NOW);

        assertThatThrownBy(() -> federal.assignOwner(branch, Channel.INBOUND, NOW, "ASSIGNED"))
                .isInstanceOf(ForbiddenException.class).hasMessage("crm.reserved.headOfficeOnly");
        assertThatThrownBy(() -> federal.requireMayWork(branch)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Account.found(UUID.randomUUID(), ORG, true, branch, NOW))
                .isInstanceOf(ForbiddenException.class);
        Deal deal = new Deal(UUID.randomUUID(), ORG, federal.id(), "Deal", BigDecimal.TEN, "RUB", Stage.RESEARCH,
                null, null, null, null, null, null);
        assertThatThrownBy(() -> deal.assign(branch, federal)).isInstanceOf(ForbiddenException.class);
        assertThat(deal.ownerId()).as("credited nothing").isNull();
        // Nothing of the refused manager reached the ledger.
        assertThat(federal.ledger()).extracting(Account.Ownership::ownerId).containsOnly(headOffice.userId());
        deal.assign(headOffice, federal);
        assertThat(deal.ownerId()).isEqualTo(headOffice.userId());
    }

    @Test
    void theFinderIsSetOnceAndNeverChanges() {
        Manager finder = manager(Channel.INTERNET, false, false);
        Manager other = manager(Channel.KEY_ACCOUNTS, false, false);
        Account account = Account.found(UUID.randomUUID(), ORG, false, finder, NOW);

        assertThatThrownBy(() -> account.recordFinder(other, NOW.plusSeconds(60)))
                .isInstanceOf(RuleViolationException.class).hasMessage("crm.finder.immutable");
        account.assignOwner(other, Channel.KEY_ACCOUNTS, NOW.plusSeconds(60), "ASSIGNED");
        account.handOverToService(manager(Channel.SERVICE, false, false), NOW.plusSeconds(120));

        assertThat(account.finderId()).isEqualTo(finder.userId());
        assertThat(account.finderChannel()).isEqualTo(Channel.INTERNET);
        assertThat(account.foundAt()).isEqualTo(NOW);
    }

    @Test
    void anUnclaimedAccountGetsItsFinderOnce() {
        Account lead = Account.unclaimed(UUID.randomUUID(), ORG);
        Manager first = manager(Channel.INBOUND, false, false);
        lead.recordFinder(first, NOW);
        lead.recordFinder(first, NOW.plusSeconds(5));
        assertThat(lead.finderId()).isEqualTo(first.userId());
        assertThat(lead.foundAt()).isEqualTo(NOW);
    }

    @Test
    void theFirstWonDealHandsTheAccountFromDirectSalesToServiceOnce() {
        Manager hunter = manager(Channel.KEY_ACCOUNTS, false, false);
        Manager service = manager(Channel.SERVICE, false, false);
        Account account = Account.found(UUID.randomUUID(), ORG, false, hunter, NOW);
        Instant won = NOW.plus(Duration.ofDays(3));

        Account.HandOver handOver = account.handOverToService(service, won).orElseThrow();

        assertThat(handOver.from()).isEqualTo(hunter.userId());
        assertThat(handOver.to()).isEqualTo(service.userId());
        assertThat(account.currentOwners()).extracting(Account.Ownership::channel, Account.Ownership::ownerId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Channel.SERVICE, service.userId()));
        assertThat(account.ledger()).hasSize(2);
        assertThat(account.ledger().getFirst().to()).isEqualTo(won);
        assertThat(account.handOverToService(service, won.plusSeconds(1))).as("only the first time").isEmpty();
    }

    @Test
    void managersOfTwoChannelsActiveWithinThirtyDaysAreInConflict() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<Conflicts.Touch> sameChannel = List.of(new Conflicts.Touch(a, Channel.KEY_ACCOUNTS, NOW),
                new Conflicts.Touch(b, Channel.KEY_ACCOUNTS, NOW));
        List<Conflicts.Touch> twoChannels = List.of(new Conflicts.Touch(a, Channel.KEY_ACCOUNTS, NOW.minus(
                Duration.ofDays(29))), new Conflicts.Touch(b, Channel.INBOUND, NOW));
        List<Conflicts.Touch> longAgo = List.of(new Conflicts.Touch(a, Channel.KEY_ACCOUNTS, NOW.minus(
                Duration.ofDays(31))), new Conflicts.Touch(b, Channel.INBOUND, NOW));
        List<Conflicts.Touch> oneManager = List.of(new Conflicts.Touch(a, Channel.KEY_ACCOUNTS, NOW),
                new Conflicts.Touch(a, Channel.INBOUND, NOW));

        assertThat(Conflicts.inConflict(sameChannel, NOW)).isFalse();
        assertThat(Conflicts.inConflict(twoChannels, NOW)).isTrue();
        assertThat(Conflicts.inConflict(longAgo, NOW)).isFalse();
        assertThat(Conflicts.inConflict(oneManager, NOW)).isFalse();
    }

    @Test
    void theHeadsDecisionLeavesTheWinnerAsTheOnlyOwnerAmongTheContenders() {
        Manager inbound = manager(Channel.INBOUND, false, false);
        Manager key = manager(Channel.KEY_ACCOUNTS, false, false);
        Account account = Account.found(UUID.randomUUID(), ORG, false, inbound, NOW);
        account.assignOwner(key, Channel.KEY_ACCOUNTS, NOW, "CLAIMED");

        account.keepFor(key, Set.of(inbound.userId(), key.userId()), NOW.plusSeconds(10));

        assertThat(account.currentOwners()).extracting(Account.Ownership::ownerId).containsExactly(key.userId());
        assertThat(account.finderId()).as("the finder stays").isEqualTo(inbound.userId());
    }

    @Test
    void aManagerAdjustsOnlyHisOwnPlanAndAlwaysWithAReason() {
        Manager me = manager(Channel.KEY_ACCOUNTS, false, false);
        Manager colleague = manager(Channel.KEY_ACCOUNTS, false, false);
        Manager head = manager(Channel.KEY_ACCOUNTS, true, true);

        Plan mine = Plan.adjust(me, me, 10, 4, new BigDecimal("0.5"), "4 meetings and 10 calls are enough");
        assertThat(mine.calls()).isEqualTo(10);
        assertThatThrownBy(() -> Plan.adjust(me, colleague, 10, 4, BigDecimal.ONE, "why not"))
                .isInstanceOf(ForbiddenException.class).hasMessage("crm.plan.ownOnly");
        assertThatThrownBy(() -> Plan.adjust(me, me, 10, 4, BigDecimal.ONE, " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("reason"));
        assertThatThrownBy(() -> Plan.adjust(head, colleague, -1, 4, BigDecimal.ONE, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("calls", "reason"));
        assertThat(Plan.adjust(head, colleague, 20, 5, BigDecimal.ONE, "new region").calls()).isEqualTo(20);
        assertThat(Plan.DEFAULT).isEqualTo(new Plan(15, 4, new BigDecimal("0.5"), null));
    }

    @Test
    void aLostDealNeedsAReasonANextActionAndADateAndAWonDealStaysWon() {
        Deal deal = new Deal(UUID.randomUUID(), ORG, UUID.randomUUID(), "Deal", BigDecimal.TEN, "RUB",
                Stage.PRESENT, null, null, null, null, null, null);
        assertThatThrownBy(() -> deal.moveTo(Stage.LOST, null, null, null, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("reason", "nextAction", "nextActionDate"));
        assertThat(deal.stage()).isEqualTo(Stage.PRESENT);

        Deal.Move lost = deal.moveTo(Stage.LOST, "price too high", "call in spring", LocalDate.of(2026, 4, 1), NOW);
        assertThat(lost).isEqualTo(new Deal.Move(Stage.PRESENT, Stage.LOST, "price too high"));
        assertThat(deal.nextActionDate()).isEqualTo(LocalDate.of(2026, 4, 1));

        deal.moveTo(Stage.NEED, null, null, null, NOW);
        deal.moveTo(Stage.CLOSE, null, null, null, NOW);
        assertThat(deal.wonAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> deal.moveTo(Stage.LOST, "x", "y", LocalDate.of(2026, 4, 1), NOW))
                .isInstanceOf(RuleViolationException.class).hasMessage("crm.deal.won");
    }

    @Test
    void forksAndNicheMarginsComeFromTheQuotes() {
        UUID s = UUID.randomUUID();
        List<CrmViews.QuoteView> quotes = List.of(
                new CrmViews.QuoteView(UUID.randomUUID(), s, "Cheap", "Cement M500", "Building", BigDecimal.TEN, "t",
                        new BigDecimal("80.00"), "RUB"),
                new CrmViews.QuoteView(UUID.randomUUID(), s, "Dear", "Cement M500", "Building", BigDecimal.ONE, "t",
                        new BigDecimal("100.00"), "RUB"));
        List<CrmViews.PriceFork> forks = CrmMarket.forks(quotes);
        assertThat(forks).singleElement().satisfies(f -> {
            assertThat(f.min()).isEqualByComparingTo("80");
            assertThat(f.max()).isEqualByComparingTo("100");
            assertThat(f.cheapestSupplier()).isEqualTo("Cheap");
        });
        assertThat(CrmMarket.margins(forks).getFirst().marginPercent()).isEqualByComparingTo("20.0");
    }

    @Test
    void csvReadsQuotedCellsAndNumbersLines() {
        List<Csv.Row> rows = Csv.read("name,taxId\r\n\"Acme, Inc\",1\n\nBeta,2\n");
        assertThat(rows).extracting(Csv.Row::line).containsExactly(2, 4);
        assertThat(rows.getFirst().get("name")).isEqualTo("Acme, Inc");
        assertThat(rows.get(1).get("taxid")).isEqualTo("2");
    }
}
