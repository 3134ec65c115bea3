package org.openetp.procurement;

import java.util.List;
import java.util.Map;
import org.openetp.shared.FieldError;

/**
 * A procedure's settings (API.md {@code settings}): the switches that make one engine run the different kinds and
 * variants. Unknown names are refused rather than ignored, so that a typo never silently drops a rule.
 */
public record ProcedureSettings(boolean signatureRequired) {

    public static final ProcedureSettings DEFAULT = new ProcedureSettings(false);

    /** Reads {@code settings} as the API receives it, adding an error per unknown name or wrong type. */
    static ProcedureSettings parse(@org.jspecify.annotations.Nullable Map<String, Object> settings,
            List<FieldError> errors) {
        if (settings == null) {
            return DEFAULT;
        }
        boolean signatureRequired = false;
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            String field = "settings." + setting.getKey();
            switch (setting.getKey()) {
                case "signatureRequired" -> {
                    if (setting.getValue() instanceof Boolean b) {
                        signatureRequired = b;
                    } else {
                        errors.add(new FieldError(field, "settings.boolean"));
                    }
                }
                default -> errors.add(new FieldError(field, "settings.unknown"));
            }
        }
        return new ProcedureSettings(signatureRequired);
    }
}
