package org.openetp.web;

import java.util.concurrent.Executor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Runs the module listeners ({@code @ApplicationModuleListener} is {@code @Async}) a few at a time, the rest waiting
 * in a queue, instead of each on a virtual thread of its own at once.
 *
 * <p>Each listener runs in a transaction of its own, so it holds a pooled connection. Unbounded, a burst of
 * publications (a thousand procedures opening within a minute: notices, tender leads, auction scheduling) started a
 * thousand listeners together; the pool timed them out after 30 s and the auctions of the lots were not scheduled
 * until {@link ListenerRetries} came round. A queue rather than a limit that makes the publisher wait: a listener
 * whose own publications start further listeners after its commit must never wait for a slot that it holds itself.
 * Nothing is lost if the node stops with events still queued: the event publication registry has them, and they are
 * published again at the next start.
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecution {

    /** The pool itself; not an {@code Executor} bean, which would replace Spring Boot's application task executor. */
    static final class Pool implements DisposableBean {

        private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

        Pool(int concurrency) {
            executor.setCorePoolSize(concurrency);
            executor.setMaxPoolSize(concurrency);
            executor.setQueueCapacity(Integer.MAX_VALUE);
            executor.setThreadFactory(Thread.ofVirtual().name("module-listener-", 0).factory());
            executor.initialize();
        }

        /** How many listener invocations wait for a slot. */
        int queued() {
            return executor.getQueueSize();
        }

        @Override
        public void destroy() {
            executor.shutdown();
        }
    }

    @Bean
    Pool moduleListenerPool(@Value("${openetp.listeners.concurrency:4}") int concurrency) {
        return new Pool(concurrency);
    }

    @Bean
    AsyncConfigurer moduleListenerExecution(Pool moduleListenerPool) {
        return new AsyncConfigurer() {
            @Override
            public Executor getAsyncExecutor() {
                return moduleListenerPool.executor;
            }
        };
    }
}
