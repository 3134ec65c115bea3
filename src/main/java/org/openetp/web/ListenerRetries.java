package org.openetp.web;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Retries the module listeners that failed (ARCHITECTURE: side effects run in {@code @ApplicationModuleListener}s with
 * the JDBC event publication registry "so a failed listener is retried"). Spring Modulith itself resubmits only at a
 * restart; a listener that failed under load (a connection timeout in a burst of publications) would otherwise wait
 * for the next deployment. Every listener is idempotent (notices by a dedup key, leads and auctions by unique keys),
 * so a retry never does a thing twice.
 */
@Configuration(proxyBeanMethods = false)
class ListenerRetries {

    /** How old a failure must be before it is retried: a listener that fails at once is not hammered. */
    static final Duration MIN_AGE = Duration.ofSeconds(30);

    @Bean
    RecurringTask<Void> retryFailedListeners(Retry retry) {
        return Tasks.recurring("retry-failed-event-listeners", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> retry.failedOlderThan(MIN_AGE));
    }

    /** The retry itself, a bean of its own so that a test can run it at once. */
    @Component
    static class Retry {

        private final FailedEventPublications failed;

        Retry(FailedEventPublications failed) {
            this.failed = failed;
        }

        /** Resubmits the failed publications at least {@code minAge} old, a few at a time so as not to flood the pool. */
        void failedOlderThan(Duration minAge) {
            failed.resubmit(ResubmissionOptions.defaults().withMinAge(minAge).withMaxInFlight(8).withBatchSize(100));
        }
    }
}
