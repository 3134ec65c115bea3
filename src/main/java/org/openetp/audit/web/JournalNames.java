package org.openetp.audit.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openetp.audit.AuditEntryView;
import org.openetp.shared.DisplayNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns journal entries into {@link JournalLine}s: every id on a page (streams, actors, detail values) is named in one
 * batch, one query per kind of thing, through the {@link DisplayNames} the owning modules provide (the audit module
 * may not read their tables). Something no longer there reads as deleted, never as a bare id.
 */
@Component
class JournalNames {

    /** Stream prefix → the kind of thing whose id follows it (CRM and billing streams belong to an organization). */
    static final Map<String, String> KIND_OF_STREAM = Map.of("user", "user", "organization", "organization",
            "crm", "organization", "billing", "organization", "procedure", "procedure", "contract", "contract",
            "auction", "lot");
    /** How many things a name filter looks at per kind: a search for "a" must not load every stream. */
    private static final int FOUND = 200;

    private final List<DisplayNames> names;
    private final MessageSource messages;

    JournalNames(List<DisplayNames> names, MessageSource messages) {
        this.names = List.copyOf(names);
        this.messages = messages;
    }

    /** The streams of the things whose name contains {@code text} (an organization's own, CRM and billing ones). */
    Set<String> streamsNamed(String text) {
        Set<String> streams = new HashSet<>();
        for (DisplayNames kind : names) {
            Set<UUID> found = kind.find(text, FOUND);
            KIND_OF_STREAM.forEach((prefix, of) -> {
                if (of.equals(kind.kind())) {
                    found.forEach(id -> streams.add(prefix + ":" + id));
                }
            });
        }
        return streams;
    }

    List<JournalLine> lines(List<AuditEntryView> entries, Locale locale) {
        Set<UUID> ids = new HashSet<>();
        for (AuditEntryView entry : entries) {
            streamId(entry.stream()).ifPresent(ids::add);
            uuid(entry.actor()).ifPresent(ids::add);
            entry.details().values().forEach(v -> uuid(v).ifPresent(ids::add));
        }
        Map<String, Map<UUID, String>> named = new HashMap<>();
        for (DisplayNames kind : names) {
            named.merge(kind.kind(), kind.names(ids, locale), (a, b) -> {
                Map<UUID, String> both = new HashMap<>(a);
                both.putAll(b);
                return both;
            });
        }
        JournalWords words = new JournalWords(messages, locale, named);
        List<JournalLine> lines = new ArrayList<>(entries.size());
        for (AuditEntryView entry : entries) {
            lines.add(new JournalLine(entry.id(), entry.occurredAt(), entry.stream(), words.stream(entry.stream()),
                    words.action(entry.action()), words.actor(entry.actor()), words.details(entry.details())));
        }
        return lines;
    }

    static Optional<UUID> streamId(String stream) {
        int colon = stream.indexOf(':');
        return colon < 0 ? Optional.empty() : uuid(stream.substring(colon + 1));
    }

    static Optional<UUID> uuid(String text) {
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
