package org.openetp.crm;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.AgendaViews.Day;
import org.openetp.crm.AgendaViews.Item;
import org.openetp.crm.CrmService.Ctx;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Next actions and reminders (issue 18 item 3): a manager's "today" list with the overdue first, the deals that have
 * no next action yet, the week's calendar, and a notice to the owner when a next action falls due (UTC days).
 */
@Service("salesAgenda") // procurement has an Agenda bean too (the home page's to-do lists)
@Transactional
public class Agenda {

    private final CrmService crm;
    private final AgendaStore store;
    private final CrmStore records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Agenda(CrmService crm, AgendaStore store, CrmStore records, ApplicationEventPublisher events, Clock clock) {
        this.crm = crm;
        this.records = records;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** The caller's agenda, or (for the head) a team member's. */
    public AgendaViews.Agenda agenda(CurrentUser user, @Nullable UUID org, @Nullable UUID owner) {
        Ctx ctx = crm.context(user, org);
        UUID whose = owner == null ? ctx.me().userId() : owner;
        if (!whose.equals(ctx.me().userId()) && !ctx.head()) {
            throw new ForbiddenException("crm.headOnly");
        }
        String name = whose.equals(ctx.me().userId()) ? ctx.me().fullName()
                : crm.managers(user, ctx.org()).stream().filter(m -> m.userId().equals(whose)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("owner", "crm.manager.unknown")).fullName();
        LocalDate today = today();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Item> week = store.between(ctx.org(), whose, monday, monday.plusDays(7));
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            days.add(new Day(date, date.equals(today),
                    week.stream().filter(it -> date.equals(it.nextActionDate())).toList()));
        }
        return new AgendaViews.Agenda(whose, name, today, store.dueBy(ctx.org(), whose, today),
                store.missing(ctx.org(), whose), days);
    }

    /** Sets the deal's next action and its date without moving it: its owner or the head; both are required. */
    public void planNext(CurrentUser user, UUID dealId, @Nullable String action, @Nullable String date) {
        Ctx ctx = crm.owning(user, records.dealOrganization(dealId));
        CrmViews.DealView deal = records.dealView(ctx.org(), dealId).orElseThrow(() -> new NotFoundException("Deal"));
        if (!ctx.head() && !ctx.me().userId().equals(deal.ownerId())) {
            throw new ForbiddenException("crm.deal.notYours");
        }
        Checks checks = new Checks();
        String text = checks.text("nextAction", action, 1000);
        LocalDate day = checks.date("nextActionDate", date, true);
        checks.throwIfAny();
        store.planNext(ctx.org(), dealId, text, day);
    }

    /** Tells each owner once per due date that a deal's next action is due; answers how many were told. */
    @Scheduled(initialDelay = 30, fixedDelay = 60, timeUnit = TimeUnit.SECONDS)
    public int remindDue() {
        List<NextActionDue> due = store.claimDue(today());
        due.forEach(events::publishEvent);
        return due.size();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
