package org.openetp.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openetp.shared.MoneyShortfall;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** A refusal for too little money flashes the missing amount, which every page's flash offers to top up. */
class PageActionsShortfallTest {

    /** What the ledger throws when a deposit or a charge is short (its own class is the ledger's). */
    static final class Short extends RuleViolationException implements MoneyShortfall {

        Short() {
            super("ledger.insufficient", "1500.00", "RUB");
        }

        @Override
        public BigDecimal shortfall() {
            return new BigDecimal("1500.00");
        }

        @Override
        public String currency() {
            return "RUB";
        }
    }

    @Test
    void aShortfallIsFlashedBesideTheRefusalAndAnyOtherRefusalFlashesNone() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("ledger.insufficient", Locale.ENGLISH, "Not enough money available: {0} {1} more.");
        PageActions actions = new PageActions(messages);
        RedirectAttributesModelMap shortRedirect = new RedirectAttributesModelMap();
        RedirectAttributesModelMap otherRedirect = new RedirectAttributesModelMap();

        String target = actions.run("/procedures/1", shortRedirect, "bid.accepted", () -> {
            throw new Short();
        });
        actions.run("/procedures/1", otherRedirect, "bid.accepted", () -> {
            throw new RuleViolationException("bid.closed");
        });

        assertThat(target).isEqualTo("redirect:/procedures/1");
        assertThat(shortRedirect.getFlashAttributes().get("topUpAmount")).isEqualTo(new BigDecimal("1500.00"));
        assertThat(shortRedirect.getFlashAttributes().get("topUpCurrency")).isEqualTo("RUB");
        assertThat(otherRedirect.getFlashAttributes()).doesNotContainKey("topUpAmount");
    }
}
