package org.openetp.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.shared.JournaledEvent;

/**
 * The operator created, changed or removed ({@code change}) a free participation rule; the figures are the rule's
 * after a creation or change and before a removal. Journaled in the rule's stream.
 */
public record FreeParticipationRuleChanged(UUID rule, String change, String industry, BigDecimal maxPrice,
        String currency, UserId operator, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "free-rule:" + rule;
    }

    @Override
    public String action() {
        return "FREE_PARTICIPATION_RULE_" + change;
    }

    @Override
    public String actor() {
        return operator.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("industry", industry, "maxPrice", maxPrice.toPlainString(), "currency", currency);
    }
}
