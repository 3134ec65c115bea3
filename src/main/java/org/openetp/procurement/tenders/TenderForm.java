package org.openetp.procurement.tenders;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openetp.shared.web.FormValues;

/**
 * The procedure form's settings as the API takes them: the signature switch, the tender switches (invitations,
 * SME-only, pre-qualification and two stages with their deadlines, read as UTC like the submission deadline) and the
 * evaluation switches (two envelopes, re-bidding, alternatives).
 */
public final class TenderForm {

    /** The switches the form shows as checkboxes besides {@code signatureRequired}; an unchecked one is not sent. */
    public static final List<String> FLAGS = List.of("invitedOnly", "smeOnly", "prequalification",
            "twoStage", "openData", "twoEnvelope", "rebidding", "alternativesAllowed");

    private TenderForm() {
    }

    /** The {@code settings} map of a new procedure from the creation form's fields. */
    public static Map<String, Object> settings(Map<String, String> form) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("signatureRequired", "true".equals(form.get("signatureRequired")));
        for (String flag : FLAGS) {
            if ("true".equals(form.get(flag))) {
                settings.put(flag, true);
            }
        }
        for (String deadline : new String[] {"qualificationDeadline", "stageOneDeadline"}) {
            String value = form.get(deadline);
            if (value != null && !value.isBlank()) {
                settings.put(deadline, utc(value));
            }
        }
        return settings;
    }

    /** A datetime-local value as an ISO instant in UTC; unreadable text is passed on for the settings to refuse. */
    private static String utc(String value) {
        Instant at = FormValues.utc(value);
        return at == null ? value : at.toString();
    }
}
