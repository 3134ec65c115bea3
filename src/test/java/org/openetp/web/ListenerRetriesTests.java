package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openetp.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How module listeners run: a listener that fails is run again by the platform, without a restart (its publication
 * stays failed in the registry until {@link ListenerRetries} resubmits it, and then completes); and a burst of
 * publications runs a few listeners at a time, the rest queued ({@link ListenerExecution}).
 */
@IntegrationTest
@Import(ListenerRetriesTests.Flaky.class)
class ListenerRetriesTests {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ListenerRetries.Retry retry;
    @Autowired
    Flaky flaky;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ListenerExecution.Pool listeners;

    /** An event of this test only. */
    record Probe(UUID id) {
    }

    /** Another, for the burst. */
    record Burst(UUID id) {
    }

    /** Fails the first time it hears of a probe, as a listener does when the database is briefly out of reach. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Flaky {

        // Read through methods: the listener is a proxy, whose own fields are not the target's.
        private final Set<UUID> failedOnce = ConcurrentHashMap.newKeySet();
        private final Set<UUID> done = ConcurrentHashMap.newKeySet();

        boolean failedOnce(UUID id) {
            return failedOnce.contains(id);
        }

        boolean done(UUID id) {
            return done.contains(id);
        }

        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();
        private final Set<UUID> bursts = ConcurrentHashMap.newKeySet();
        private final CountDownLatch release = new CountDownLatch(1);

        int started() {
            return bursts.size() + running.get();
        }

        int mostAtOnce() {
            return mostAtOnce.get();
        }

        int burstsDone() {
            return bursts.size();
        }

        void release() {
            release.countDown();
        }

        /** Holds its slot until the test lets it go, so that the test sees how many run at once. */
        @ApplicationModuleListener
        void on(Burst burst) throws InterruptedException {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
            } finally {
                running.decrementAndGet();
                bursts.add(burst.id());
            }
        }

        @ApplicationModuleListener
        void on(Probe probe) {
            if (failedOnce.add(probe.id())) {
                throw new IllegalStateException("first attempt fails");
            }
            done.add(probe.id());
        }
    }

    @Test
    void aFailedListenerIsRetriedAndItsPublicationCompletes() {
        Probe probe = new Probe(UUID.randomUUID());
        transactions.executeWithoutResult(status -> events.publishEvent(probe));
        await().atMost(Duration.ofSeconds(10)).until(() -> flaky.failedOnce(probe.id()));
        assertThat(flaky.done(probe.id())).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(probe) == 1);

        retry.failedOlderThan(Duration.ZERO);

        await().atMost(Duration.ofSeconds(10)).until(() -> flaky.done(probe.id()));
        await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(probe) == 0);
    }

    @Test
    void aBurstOfPublicationsRunsAFewListenersAtATimeAndTheRestWait() {
        int burst = 40;
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < burst; i++) {
                events.publishEvent(new Burst(UUID.randomUUID()));
            }
        });
        // Every invocation was handed to the executor at the commit; at most 4 slots, so the rest must be queued.
        await().atMost(Duration.ofSeconds(10)).until(() -> flaky.started() >= 1);
        assertThat(flaky.started()).isLessThanOrEqualTo(4);
        assertThat(listeners.queued()).isGreaterThanOrEqualTo(burst - 4);

        flaky.release();
        await().atMost(Duration.ofSeconds(20)).until(() -> flaky.burstsDone() == burst);
        assertThat(flaky.mostAtOnce()).isBetween(1, 4);
    }

    private long incomplete(Probe probe) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
                + "AND serialized_event LIKE :id").param("id", "%" + probe.id() + "%").query(Long.class).single();
    }
}
