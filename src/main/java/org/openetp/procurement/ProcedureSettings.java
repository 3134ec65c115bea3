package org.openetp.procurement;

import java.util.List;
import java.util.Map;
import org.openetp.shared.FieldError;

/**
 * A procedure's settings (API.md {@code settings}): the switches that make one engine run the different kinds and
 * variants. Unknown names are refused rather than ignored, so that a typo never silently drops a rule.
 * {@code twoEnvelope}: technical and price envelopes, prices opened only for technically compliant bids;
 * {@code rebidding}: one price-improvement round after evaluation; {@code frameworkSize}: a framework agreement with
 * up to that many suppliers (0: not a framework); {@code alternativesAllowed}: alternative offers beside the main one.
 */
public record ProcedureSettings(boolean signatureRequired, boolean twoEnvelope, boolean rebidding, int frameworkSize,
        boolean alternativesAllowed) {

    public static final ProcedureSettings DEFAULT = new ProcedureSettings(false, false, false, 0, false);

    /** The largest framework agreement, in suppliers. */
    static final int MAX_FRAMEWORK_SIZE = 50;

    /** Reads {@code settings} as the API receives it, adding an error per unknown name or wrong type. */
    static ProcedureSettings parse(@org.jspecify.annotations.Nullable Map<String, Object> settings,
            List<FieldError> errors) {
        if (settings == null) {
            return DEFAULT;
        }
        boolean signatureRequired = false;
        boolean twoEnvelope = false;
        boolean rebidding = false;
        int frameworkSize = 0;
        boolean alternativesAllowed = false;
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            String field = "settings." + setting.getKey();
            switch (setting.getKey()) {
                case "signatureRequired" -> signatureRequired = bool(setting.getValue(), field, errors);
                case "twoEnvelope" -> twoEnvelope = notYet(bool(setting.getValue(), field, errors), field, errors);
                case "rebidding" -> rebidding = bool(setting.getValue(), field, errors);
                case "alternativesAllowed" -> alternativesAllowed = notYet(bool(setting.getValue(), field, errors),
                        field, errors);
                case "frameworkSize" -> {
                    if (setting.getValue() instanceof Integer n && n >= 1 && n <= MAX_FRAMEWORK_SIZE) {
                        frameworkSize = n;
                    } else {
                        errors.add(new FieldError(field, "settings.frameworkSize"));
                    }
                }
                default -> errors.add(new FieldError(field, "settings.unknown"));
            }
        }
        return new ProcedureSettings(signatureRequired, twoEnvelope, rebidding, frameworkSize, alternativesAllowed);
    }

    /** Refuses switching on a setting whose stage this version does not run yet, rather than ignoring it. */
    private static boolean notYet(boolean on, String field, List<FieldError> errors) {
        if (on) {
            errors.add(new FieldError(field, "settings.notYet"));
        }
        return false;
    }

    private static boolean bool(Object value, String field, List<FieldError> errors) {
        if (value instanceof Boolean b) {
            return b;
        }
        errors.add(new FieldError(field, "settings.boolean"));
        return false;
    }

    /**
     * The settings with the kind's preset switched on (SPEC §5.1: kinds are named presets over these switches); a
     * framework tender must say how many suppliers it selects.
     */
    ProcedureSettings forKind(ProcedureKind kind, List<FieldError> errors) {
        return switch (kind) {
            case TWO_ENVELOPE_TENDER -> new ProcedureSettings(signatureRequired, true, rebidding, frameworkSize,
                    alternativesAllowed);
            case REBIDDING_TENDER -> new ProcedureSettings(signatureRequired, twoEnvelope, true, frameworkSize,
                    alternativesAllowed);
            case ALTERNATIVES_TENDER -> new ProcedureSettings(signatureRequired, twoEnvelope, rebidding,
                    frameworkSize, true);
            case FRAMEWORK_TENDER -> {
                if (frameworkSize == 0) {
                    errors.add(new FieldError("settings.frameworkSize", "settings.frameworkSize"));
                }
                yield this;
            }
            default -> this;
        };
    }
}
