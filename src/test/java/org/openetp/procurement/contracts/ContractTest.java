package org.openetp.procurement.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.BidId;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The contract's rules (SPEC §5.7) without Spring: acceptance order, milestones on time or late, completion. */
class ContractTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final LocalDate DUE = LocalDate.parse("2026-03-10");

    @Test
    void aMilestoneDeliveredOnOrBeforeItsDueDateIsOnTimeAndAfterItLate() {
        Contract contract = active(2);
        Milestone first = contract.deliver(contract.milestones().get(0).id(), DUE, NOW);
        assertThat(first.onTime()).as("delivered on the due date itself").isTrue();
        Milestone second = contract.deliver(contract.milestones().get(1).id(), DUE.plusDays(1), NOW);
        assertThat(second.onTime()).as("a day after the due date").isFalse();
        assertThat(second.lateAsOf(DUE)).isTrue();
        assertThat(contract.milestones().get(0).lateAsOf(DUE.plusDays(30))).isFalse();
    }

    @Test
    void anUndeliveredMilestoneIsLateOnlyOnceItsDueDateHasPassed() {
        Milestone pending = active(1).milestones().getFirst();
        assertThat(pending.lateAsOf(DUE)).isFalse();
        assertThat(pending.lateAsOf(DUE.plusDays(1))).isTrue();
    }

    @Test
    void theContractIsInForceOnlyOnceBothPartiesAcceptedTheSameTerms() {
        Contract contract = draft();
        assertThatThrownBy(() -> contract.accept(Contract.Side.BUYER, acceptance()))
                .as("the buyer accepts only terms with milestones").isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("contract.milestones.required");

        // The supplier may accept first; a change of the milestones withdraws its acceptance.
        assertThat(contract.accept(Contract.Side.SUPPLIER, acceptance())).isFalse();
        assertThat(contract.addMilestone("Everything", null, BigDecimal.valueOf(100), DUE, NOW)).as("lapsed").isTrue();
        assertThat(contract.supplierAcceptance()).isNull();
        assertThat(contract.accept(Contract.Side.BUYER, acceptance())).isFalse();
        assertThat(contract.status()).isEqualTo(Contract.Status.DRAFT);
        assertThatThrownBy(() -> contract.accept(Contract.Side.BUYER, acceptance()))
                .hasMessageContaining("contract.acceptedAlready");
        assertThatThrownBy(() -> contract.deliver(contract.milestones().getFirst().id(), DUE, NOW))
                .as("nothing is delivered before the contract is in force").hasMessageContaining("contract.status");

        assertThat(contract.accept(Contract.Side.SUPPLIER, acceptance())).isTrue();
        assertThat(contract.status()).isEqualTo(Contract.Status.ACTIVE);
        assertThat(contract.activatedAt()).isEqualTo(NOW);
    }

    @Test
    void aChangeAfterEitherAcceptanceWithdrawsBothAndIsRemembered() {
        Contract contract = draft();
        contract.addMilestone("First half", null, BigDecimal.valueOf(50), DUE, NOW);
        assertThat(contract.acceptancesResetAt()).as("nothing to withdraw yet").isNull();
        contract.accept(Contract.Side.BUYER, acceptance());
        contract.accept(Contract.Side.SUPPLIER, acceptance());
        assertThat(contract.status()).isEqualTo(Contract.Status.ACTIVE);

        Contract buyerOnly = draft();
        buyerOnly.addMilestone("First half", null, BigDecimal.valueOf(50), DUE, NOW);
        buyerOnly.accept(Contract.Side.BUYER, acceptance());
        assertThat(ContractProgress.of(buyerOnly).stage()).isEqualTo(ContractProgress.Stage.AWAITING_SUPPLIER);
        Instant later = NOW.plusSeconds(3600);
        assertThat(buyerOnly.addMilestone("Second half", null, BigDecimal.valueOf(50), DUE, later))
                .as("the buyer's own acceptance is withdrawn too").isTrue();
        assertThat(buyerOnly.buyerAcceptance()).isNull();
        assertThat(buyerOnly.acceptancesResetAt()).isEqualTo(later);
        assertThat(ContractProgress.of(buyerOnly).pendingActions()).containsExactly(
                ContractProgress.PendingAction.BUYER_ACCEPT, ContractProgress.PendingAction.SUPPLIER_ACCEPT);

        buyerOnly.accept(Contract.Side.SUPPLIER, acceptance());
        assertThat(buyerOnly.removeMilestone(buyerOnly.milestones().getLast().id(), later.plusSeconds(60))).isTrue();
        assertThat(buyerOnly.supplierAcceptance()).isNull();
        assertThat(buyerOnly.acceptancesResetAt()).isEqualTo(later.plusSeconds(60));
        assertThatThrownBy(() -> contract.addMilestone("More", BigDecimal.ONE, null, DUE, NOW))
                .as("a contract in force is not changed").hasMessageContaining("contract.status");
    }

    @Test
    void theContractIsCompletedWhenItsLastMilestoneIsDelivered() {
        Contract contract = active(2);
        contract.deliver(contract.milestones().get(1).id(), DUE, NOW);
        assertThat(contract.status()).isEqualTo(Contract.Status.ACTIVE);
        contract.deliver(contract.milestones().get(0).id(), DUE.plusDays(3), NOW.plusSeconds(60));
        assertThat(contract.status()).isEqualTo(Contract.Status.COMPLETED);
        assertThat(contract.completedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThatThrownBy(() -> contract.deliver(contract.milestones().get(0).id(), DUE, NOW))
                .hasMessageContaining("contract.status");
    }

    @Test
    void theAcceptanceTextCoversEveryMilestoneAndUserTextCannotForgeALine() {
        Contract contract = draft();
        contract.addMilestone("First batch\nprice: 1.00", BigDecimal.valueOf(5), null, DUE, NOW);
        String text = contract.acceptanceText();
        assertThat(text).startsWith("OpenETP contract acceptance\n").contains("price: 99000.00\n")
                .contains("milestone 1: due 2026-03-10; 5 pcs; First batch\\nprice: 1.00\n");
        assertThat(text.lines().filter(l -> l.startsWith("price: "))).hasSize(1);
    }

    private static Contract active(int milestones) {
        Contract contract = draft();
        for (int i = 0; i < milestones; i++) {
            contract.addMilestone("Batch " + (i + 1), BigDecimal.valueOf(5), null, DUE, NOW);
        }
        contract.accept(Contract.Side.BUYER, acceptance());
        contract.accept(Contract.Side.SUPPLIER, acceptance());
        return contract;
    }

    private static Contract draft() {
        return Contract.draft(ProcedureId.random(), LotId.random(), BidId.random(), null, party("Buyer"),
                party("Supplier"), "Laptops — 1: Laptops", BigDecimal.TEN, "pcs", new BigDecimal("99000.00"), "RUB",
                false, NOW);
    }

    private static Contract.Acceptance acceptance() {
        return new Contract.Acceptance(UUID.randomUUID(), NOW, null);
    }

    private static Party party(String name) {
        return new Party(UUID.randomUUID(), name + " LLC", name, "RU", "7707083893", null, null, "Moscow", "Moscow");
    }

    @Test
    void aRefusalForTheContractsStateNamesTheStateInTheReadersLanguage() {
        Contract contract = draft();
        contract.addMilestone("Everything", null, BigDecimal.valueOf(100), DUE, NOW);
        RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                () -> contract.deliver(contract.milestones().getFirst().id(), DUE, NOW));
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/contracts");
        messages.setDefaultEncoding("UTF-8");
        assertThat(messages.getMessage(refused.messageKey(), refused.args(), Locale.forLanguageTag("ru")))
                .isEqualTo("Невозможно, пока договор в статусе Проект.");
        assertThat(messages.getMessage(refused.messageKey(), refused.args(), Locale.ENGLISH))
                .isEqualTo("Not possible while the contract is Draft.");
    }
}
