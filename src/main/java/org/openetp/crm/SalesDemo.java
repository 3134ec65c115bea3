package org.openetp.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data only (the dev profile's seed): a month of past activities on the sales team's deals, which the public
 * use cases cannot write since they log everything "now". Each deal's owner called, met, wrote and proposed on it
 * over the past days; nobody else touches the account, so no conflict is made here.
 */
@Service
@Transactional
public class SalesDemo {

    private static final ActivityKind[] KINDS = ActivityKind.values();
    private static final List<String> NOTES = List.of("Asked about volumes and delivery terms",
            "Met the buyer's team at their office", "Sent the commercial offer", "Sent the specification",
            "Discussed the payment schedule", "Clarified the tender requirements");

    private final CrmService crm;
    private final CrmStore store;
    private final ActivityStore activity;
    private final Clock clock;

    SalesDemo(CrmService crm, CrmStore store, ActivityStore activity, Clock clock) {
        this.crm = crm;
        this.store = store;
        this.activity = activity;
        this.clock = clock;
    }

    /** For every owned deal of the team, one activity every few days over the past {@code days}. */
    public int pastActivities(CurrentUser head, @Nullable UUID org, int days) {
        CrmService.Ctx ctx = crm.context(head, org);
        Instant now = clock.instant();
        int written = 0;
        int n = 0;
        for (CrmViews.DealView deal : store.deals(ctx.org(), null, null, null, null)) {
            if (deal.ownerId() == null) {
                continue;
            }
            Manager owner = store.manager(ctx.org(), deal.ownerId()).orElse(null);
            if (owner == null) {
                continue;
            }
            for (int day = days - (n % 4); day > 0; day -= 3 + (n % 3)) {
                n++;
                Instant at = now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(37L * (n % 11)));
                activity.insertActivity(ctx.org(), UUID.randomUUID(), deal.accountId(), deal.id(), owner,
                        KINDS[n % KINDS.length], NOTES.get(n % NOTES.size()), at);
                written++;
            }
        }
        return written;
    }
}
