package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * Page speed (issue 16): setting a session attribute to the value it already holds writes nothing (the JDBC session
 * would UPDATE its row for it on every view of a CRM page), unless the value could have changed in place.
 */
class SessionAttributeWritesTest {

    /** A stored session that records which attributes were set (each would be written by the JDBC session). */
    static final class Recording implements Session {
        final List<String> sets = new ArrayList<>();
        private final MapSession map = new MapSession();

        @Override
        public void setAttribute(String name, Object value) {
            sets.add(name);
            map.setAttribute(name, value);
        }

        @Override
        public <T> T getAttribute(String name) {
            return map.getAttribute(name);
        }

        @Override
        public String getId() {
            return map.getId();
        }

        @Override
        public String changeSessionId() {
            return map.changeSessionId();
        }

        @Override
        public Set<String> getAttributeNames() {
            return map.getAttributeNames();
        }

        @Override
        public void removeAttribute(String name) {
            map.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return map.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant time) {
            map.setLastAccessedTime(time);
        }

        @Override
        public Instant getLastAccessedTime() {
            return map.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            map.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return map.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return map.isExpired();
        }
    }

    @Test
    void theSameImmutableValueAgainIsNotWrittenAChangedOneIs() {
        Recording stored = new Recording();
        SessionAccessWrites.ThrottledSession session = new SessionAccessWrites.ThrottledSession(stored);
        UUID team = UUID.randomUUID();

        session.setAttribute("crm.organization", team);
        session.setAttribute("crm.organization", UUID.fromString(team.toString()));
        assertThat(stored.sets).as("the same team again").containsExactly("crm.organization");

        UUID other = UUID.randomUUID();
        session.setAttribute("crm.organization", other);
        assertThat(stored.sets).hasSize(2);
        assertThat((UUID) session.getAttribute("crm.organization")).isEqualTo(other);
    }

    @Test
    void aMutableValueSetAgainIsStillWritten() {
        Recording stored = new Recording();
        SessionAccessWrites.ThrottledSession session = new SessionAccessWrites.ThrottledSession(stored);
        List<String> choices = new ArrayList<>(List.of("a"));

        session.setAttribute("choices", choices);
        choices.add("b");
        session.setAttribute("choices", choices);

        assertThat(stored.sets).as("changed in place, set again to be saved").hasSize(2);
    }
}
