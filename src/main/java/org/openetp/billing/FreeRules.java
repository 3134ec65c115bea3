package org.openetp.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.openetp.billing.domain.TariffRules;
import org.openetp.billing.persistence.BillingStore;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.ConflictException;
import org.openetp.shared.DecimalBounds;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator's changes to the free participation rules (SPEC §4.2); {@link Billing#freeRules()} lists them. */
@Service
public class FreeRules {

    private final BillingStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FreeRules(BillingStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a free participation rule (operator); one rule per industry and currency. */
    @Transactional
    public FreeParticipationRule createFreeRule(CurrentUser operator, FreeRuleForm form) {
        DecimalBounds.require(form);
        requireOperator(operator);
        FreeRuleForm valid = TariffRules.freeRule(form);
        if (store.freeRuleTaken(valid.industry(), valid.currency(), null)) {
            throw new ConflictException("industry", "billing.freeRule.taken");
        }
        FreeParticipationRule rule = new FreeParticipationRule(UUID.randomUUID(), valid.industry(), valid.maxPrice(),
                valid.currency());
        Instant now = now();
        store.insertFreeRule(rule, now);
        events.publishEvent(new FreeParticipationRuleChanged(rule.id(), "CREATED", rule.industry(), rule.maxPrice(),
                rule.currency(), operator.id(), now));
        return rule;
    }

    /** Changes a free participation rule (operator). */
    @Transactional
    public FreeParticipationRule changeFreeRule(CurrentUser operator, UUID id, FreeRuleForm form) {
        DecimalBounds.require(form);
        requireOperator(operator);
        store.freeRuleForUpdate(id).orElseThrow(() -> new NotFoundException("Free participation rule"));
        FreeRuleForm valid = TariffRules.freeRule(form);
        if (store.freeRuleTaken(valid.industry(), valid.currency(), id)) {
            throw new ConflictException("industry", "billing.freeRule.taken");
        }
        FreeParticipationRule rule = new FreeParticipationRule(id, valid.industry(), valid.maxPrice(),
                valid.currency());
        Instant now = now();
        store.updateFreeRule(rule, now);
        events.publishEvent(new FreeParticipationRuleChanged(id, "CHANGED", rule.industry(), rule.maxPrice(),
                rule.currency(), operator.id(), now));
        return rule;
    }

    /** Removes a free participation rule (operator); its lots need a plan from now on. */
    @Transactional
    public void removeFreeRule(CurrentUser operator, UUID id) {
        requireOperator(operator);
        FreeParticipationRule rule = store.freeRuleForUpdate(id)
                .orElseThrow(() -> new NotFoundException("Free participation rule"));
        store.deleteFreeRule(id);
        events.publishEvent(new FreeParticipationRuleChanged(id, "REMOVED", rule.industry(), rule.maxPrice(),
                rule.currency(), operator.id(), now()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireOperator(CurrentUser user) {
        if (!user.operator()) {
            throw new ForbiddenException("operator.only");
        }
    }
}
