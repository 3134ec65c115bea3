package org.openetp.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.CrmService.Ctx;
import org.openetp.crm.DashboardViews.FunnelStage;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The head of sales' day: the funnel with conversion and days per stage, conflicts waiting, reserved accounts. */
@Service
@Transactional(readOnly = true)
public class Dashboard {

    /** The funnel's steps; LOST is where deals leave it. */
    private static final List<Stage> STEPS = List.of(Stage.RESEARCH, Stage.CONTACT, Stage.NEED, Stage.PRESENT,
            Stage.CLOSE);

    private final CrmService crm;
    private final DashboardStore store;

    Dashboard(CrmService crm, DashboardStore store) {
        this.crm = crm;
        this.store = store;
    }

    public List<FunnelStage> funnel(CurrentUser user, @Nullable UUID org) {
        Ctx ctx = head(user, org);
        return funnel(store.furthest(ctx.org()), store.averageDays(ctx.org()));
    }

    static List<FunnelStage> funnel(List<Stage> furthest, Map<Stage, BigDecimal> days) {
        List<FunnelStage> funnel = new ArrayList<>();
        long previous = -1;
        for (Stage step : STEPS) {
            long reached = furthest.stream().filter(s -> s.ordinal() >= step.ordinal()).count();
            BigDecimal conversion = previous <= 0 ? null : BigDecimal.valueOf(reached * 100)
                    .divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_UP);
            funnel.add(new FunnelStage(step, reached, previous < 0 ? null : conversion,
                    step == Stage.CLOSE ? null : days.get(step)));
            previous = reached;
        }
        return funnel;
    }

    public List<DashboardViews.WaitingConflict> waitingConflicts(CurrentUser user, @Nullable UUID org) {
        return store.waiting(head(user, org).org());
    }

    public List<DashboardViews.ReservedAccount> reservedAccounts(CurrentUser user, @Nullable UUID org) {
        return store.reserved(head(user, org).org());
    }

    private Ctx head(CurrentUser user, @Nullable UUID org) {
        Ctx ctx = crm.context(user, org);
        if (!ctx.head()) {
            throw new ForbiddenException("crm.headOnly");
        }
        return ctx;
    }
}
