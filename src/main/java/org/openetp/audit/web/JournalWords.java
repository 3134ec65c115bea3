package org.openetp.audit.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openetp.shared.table.Facts;
import org.openetp.shared.table.Facts.Fact;
import org.springframework.context.MessageSource;

/**
 * The words of one page of the journal in the reader's language, with the names found for the page's ids: actions
 * by their label ({@code audit.action.<CODE>}), streams as "kind: name", actors by name, details as facts.
 */
final class JournalWords {

    /** Values that must stay exact for a person to check them (hashes, fingerprints, keys): shown as references. */
    private static final Set<String> REFERENCES = Set.of("reference", "idempotencyKey", "fingerprint", "logHead",
            "signedDocument", "token", "certificate", "hash");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{16,}");
    /** An id inside a longer value (an idempotency key "deposit:<bid>", a payment reference). */
    private static final Pattern EMBEDDED_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    /** One code or a list of them, as a set's text ({@code [ADMIN, BUYER]}) or comma-separated. */
    private static final Pattern CODES = Pattern.compile("\\[?[A-Z][A-Z0-9_]*(,\\s*[A-Z][A-Z0-9_]*)*]?");

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, Map<UUID, String>> named;

    JournalWords(MessageSource messages, Locale locale, Map<String, Map<UUID, String>> named) {
        this.messages = messages;
        this.locale = locale;
        this.named = named;
    }

    String action(String code) {
        return message("audit.action." + code, humane(code));
    }

    /** "Procedure: Road repair"; a thing no longer there "Procedure (deleted)"; a stream of no known kind as is. */
    String stream(String stream) {
        int colon = stream.indexOf(':');
        String prefix = colon < 0 ? stream : stream.substring(0, colon);
        String kind = JournalNames.KIND_OF_STREAM.get(prefix);
        String label = message("audit.kind." + prefix, humane(prefix));
        Optional<UUID> id = JournalNames.streamId(stream);
        if (kind != null && id.isPresent()) {
            String name = named.getOrDefault(kind, Map.of()).get(id.get());
            return name == null ? message("audit.deleted", label, label) : label + ": " + name;
        }
        if (id.isPresent()) {
            // A kind nothing names (a free participation rule): its short number, enough to tell two apart.
            return label + " " + shortNumber(id.get());
        }
        return colon < 0 ? stream : label + ": " + stream.substring(colon + 1);
    }

    String actor(String actor) {
        if ("system".equals(actor)) {
            return message("audit.actor.system", actor);
        }
        Optional<UUID> id = JournalNames.uuid(actor);
        if (id.isEmpty()) {
            return actor;
        }
        String name = named.getOrDefault("user", Map.of()).get(id.get());
        String user = message("audit.kind.user", "User");
        return name != null ? name : message("audit.deleted", user, user);
    }

    /** The details in key order (the same entry always reads the same), each value by what it is. */
    Facts details(Map<String, String> details) {
        List<Fact> facts = new ArrayList<>(details.size());
        // A value an event wrote as "null" (a lead nobody owns yet) says nothing: the fact is left out, not shown.
        new TreeMap<>(details).forEach((key, value) -> {
            if (!"null".equals(value)) {
                facts.add(fact(key, value));
            }
        });
        return new Facts(facts);
    }

    private Fact fact(String key, String value) {
        String label = message("audit.detail." + key, humane(key));
        Optional<UUID> id = JournalNames.uuid(value);
        if (id.isPresent()) {
            // A thing nothing names (a ledger posting): its short number, labelled, as for streams — never the id.
            return named.values().stream().map(m -> m.get(id.get())).filter(n -> n != null).findFirst()
                    .map(name -> Fact.text(label, name)).orElseGet(() -> Fact.ref(label, shortNumber(id.get())));
        }
        if (REFERENCES.contains(key) || HEX.matcher(value).matches()) {
            return Fact.ref(label, withShortIds(value));
        }
        if (DECIMAL.matcher(value).matches()) {
            return Fact.number(label, new BigDecimal(value));
        }
        if (value.length() > 19 && value.charAt(10) == 'T') {
            try {
                return Fact.instant(label, Instant.parse(value));
            } catch (DateTimeParseException notAnInstant) {
                return Fact.text(label, value);
            }
        }
        if (CODES.matcher(value).matches() || "true".equals(value) || "false".equals(value)) {
            return Fact.text(label, Stream.of(value.replace("[", "").replace("]", "").split(","))
                    .map(String::strip).map(c -> message("audit.value." + c, humane(c)))
                    .collect(Collectors.joining(", ")));
        }
        return Fact.text(label, withShortIds(value));
    }

    /** The ids inside a value as their short numbers: the value stays recognisable, no id is shown whole. */
    private static String withShortIds(String value) {
        return EMBEDDED_ID.matcher(value).replaceAll(m -> shortNumber(UUID.fromString(m.group())));
    }

    /** Enough of an id to tell two things apart on a page and to find one in an export, without showing the id. */
    static String shortNumber(UUID id) {
        return "#" + id.toString().substring(0, 8);
    }

    private String message(String key, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }

    /** A code no bundle names yet, as words ("CONTRACT_SIGNED" → "Contract signed"), never as a constant. */
    static String humane(String code) {
        String words = code.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').strip()
                .toLowerCase(Locale.ROOT);
        return words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
