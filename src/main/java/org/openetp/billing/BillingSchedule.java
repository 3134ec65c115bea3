package org.openetp.billing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily check for subscriptions that end soon, from db-scheduler: one node runs it at a time, a missed run is
 * made up after a restart, and the once-only mark lives in the subscription rows, so nobody is told twice.
 */
@Configuration(proxyBeanMethods = false)
class BillingSchedule {

    @Bean
    RecurringTask<Void> announceEndingSubscriptions(Billing billing) {
        return Tasks.recurring("billing-ending-subscriptions", Schedules.daily(LocalTime.of(6, 0)))
                .execute((instance, context) -> billing.announceEndingSubscriptions());
    }
}
