package org.openetp.loyalty;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly loyalty run from db-scheduler: one recurring task, run by one node at a time, at 02:00 UTC. The work
 * itself compares with the injected clock, so tests run {@link Nightly#run()} after moving the clock.
 */
@Configuration(proxyBeanMethods = false)
class LoyaltySchedule {

    private static final Logger log = LoggerFactory.getLogger(LoyaltySchedule.class);

    @Bean
    RecurringTask<Void> loyaltyNightly(Nightly nightly) {
        return Tasks.recurring("loyalty-nightly", new Daily(ZoneOffset.UTC, LocalTime.of(2, 0)))
                .execute((instance, context) -> log.info("Loyalty nightly run: {}", nightly.run()));
    }
}
