package org.openetp.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.util.ReflectionUtils;

/**
 * Sessions stay in the database (either node of a cluster serves any request), but a page view no longer writes its
 * session's row just to move the last access time. Spring Session's filter sets that time on every request, which
 * marks the session changed and costs an UPDATE and a commit (an fsync) per page view, even of a page that changes
 * nothing. Here the time moves only when the stored one is at least {@link #EVERY} old; attribute changes (sign-in,
 * CSRF token, a page's remembered choice) are written as before.
 * The repository is Boot's own, wrapped for the filter only.
 * <p>
 * The price: a session idle for its whole timeout (8 hours) may end up to {@link #EVERY} earlier than it would have.
 */
@Configuration(proxyBeanMethods = false)
class SessionAccessWrites {

    /** How stale the stored last access time may be before a request writes it again. */
    static final Duration EVERY = Duration.ofMinutes(1);

    /**
     * Spring Session's filter, made again over the wrapped repository. Not a repository bean of our own: Boot sets up
     * JDBC sessions only when there is no other repository bean. The filter keeps Boot's cookie settings (its
     * session id resolver, read from the filter Boot made: it has no getter).
     */
    @Bean
    static BeanPostProcessor throttledSessionFilter(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof SessionRepositoryFilter<?> boots)) {
                    return bean;
                }
                Field field = ReflectionUtils.findField(SessionRepositoryFilter.class, "httpSessionIdResolver");
                Objects.requireNonNull(field, "SessionRepositoryFilter.httpSessionIdResolver");
                ReflectionUtils.makeAccessible(field);
                HttpSessionIdResolver resolver = (HttpSessionIdResolver) ReflectionUtils.getField(field, boots);
                return filter(new ThrottledRepository(sessions.getObject()), Objects.requireNonNull(resolver));
            }
        };
    }

    static SessionRepositoryFilter<ThrottledSession> filter(ThrottledRepository repository,
            HttpSessionIdResolver resolver) {
        SessionRepositoryFilter<ThrottledSession> filter = new ReadOnceFilter(repository);
        filter.setHttpSessionIdResolver(resolver);
        return filter;
    }

    /**
     * Spring Session's filter with the request's reads remembered: its {@code commitSession} forgets the session it
     * read and, once the response is committed and again at the end of the request, asks the repository for it again
     * (spring-session #1731, #1424): a second SELECT of the session and its attributes on every page view. Within
     * one request the repository answers that second read with the session it already handed out.
     */
    static final class ReadOnceFilter extends SessionRepositoryFilter<ThrottledSession> {

        ReadOnceFilter(ThrottledRepository repository) {
            super(repository);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                FilterChain chain) throws ServletException, IOException {
            if (ThrottledRepository.READ.get() != null) { // a nested (error) dispatch of the same request
                super.doFilterInternal(request, response, chain);
                return;
            }
            ThrottledRepository.READ.set(new HashMap<>());
            try {
                super.doFilterInternal(request, response, chain);
            } finally {
                ThrottledRepository.READ.remove();
            }
        }
    }

    /** Boot's JDBC repository with its sessions wrapped. */
    static final class ThrottledRepository implements FindByIndexNameSessionRepository<ThrottledSession> {

        /** The sessions read in the current request, by the id they were read with (see {@link ReadOnceFilter}). */
        static final ThreadLocal<@Nullable Map<String, ThrottledSession>> READ = new ThreadLocal<>();

        private final JdbcIndexedSessionRepository delegate;

        ThrottledRepository(JdbcIndexedSessionRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public ThrottledSession createSession() {
            return new ThrottledSession(delegate.createSession());
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void save(ThrottledSession session) {
            // The repository's session type is not public; it is the one it handed out.
            ((SessionRepository) delegate).save(session.delegate);
        }

        @Override
        public @Nullable ThrottledSession findById(String id) {
            Map<String, ThrottledSession> read = READ.get();
            ThrottledSession known = read == null ? null : read.get(id);
            if (known != null && known.getId().equals(id)) { // not if its id changed meanwhile (signing in)
                return known;
            }
            Session found = delegate.findById(id);
            ThrottledSession session = found == null ? null : new ThrottledSession(found);
            if (read != null && session != null) {
                read.put(id, session);
            }
            return session;
        }

        @Override
        public void deleteById(String id) {
            Map<String, ThrottledSession> read = READ.get();
            if (read != null) {
                read.values().removeIf(s -> s.getId().equals(id));
                read.remove(id);
            }
            delegate.deleteById(id);
        }

        @Override
        public Map<String, ThrottledSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            // Through the interface: the repository's own session type is not public.
            FindByIndexNameSessionRepository<? extends Session> sessions = delegate;
            Map<String, ThrottledSession> found = new LinkedHashMap<>();
            sessions.findByIndexNameAndIndexValue(indexName, indexValue)
                    .forEach((id, session) -> found.put(id, new ThrottledSession(session)));
            return found;
        }
    }

    /** A stored session whose last access time moves at most once per {@link #EVERY}. */
    static final class ThrottledSession implements Session {

        private final Session delegate;

        ThrottledSession(Session delegate) {
            this.delegate = delegate;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(delegate.getLastAccessedTime(), lastAccessedTime).compareTo(EVERY) >= 0) {
                delegate.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            return delegate.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return delegate.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        /**
         * Setting an attribute to the value it holds writes nothing: Spring Session's JDBC session marks any set
         * attribute changed, so a page that remembers the same choice on every view (the CRM's sales team) cost an
         * UPDATE and a commit per view. Only values that cannot change in place are compared: a mutable one set
         * again after a change in place must still be written.
         */
        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            if (attributeValue != null && immutable(attributeValue)
                    && attributeValue.equals(delegate.getAttribute(attributeName))) {
                return;
            }
            delegate.setAttribute(attributeName, attributeValue);
        }

        private static boolean immutable(Object value) {
            return value instanceof String || value instanceof UUID || value instanceof Boolean
                    || value instanceof Integer || value instanceof Long || value instanceof Enum<?>
                    || value instanceof Locale || value instanceof java.time.temporal.TemporalAccessor
                    && value.getClass().getName().startsWith("java.time.");
        }

        @Override
        public void removeAttribute(String attributeName) {
            delegate.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
