package org.openetp.procurement;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deadlines fire from db-scheduler: one recurring task, run by one node at a time, opens every procedure whose
 * deadline has passed by the injected clock. Because the state lives in the procedure rows (locked, guarded by the
 * status), a restart or a second node can neither lose nor repeat an opening.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineSchedule {

    @Bean
    RecurringTask<Void> openDueBids(Procurement procurement) {
        return Tasks.recurring("procurement-open-due-bids", FixedDelay.ofSeconds(2))
                .execute((instance, context) -> procurement.openDue());
    }
}
