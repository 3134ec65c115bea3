package org.openetp.procurement;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.FieldError;

/**
 * A procedure's settings (API.md {@code settings}): the switches that make one engine run the different kinds and
 * variants. Unknown names are refused rather than ignored, so that a typo never silently drops a rule.
 * The tender switches ({@code invitedOnly}, {@code smeOnly}, {@code prequalification} with its
 * {@code qualificationDeadline}, {@code twoStage} with its {@code stageOneDeadline}) are what the tender kinds preset
 * (SPEC §5.1); {@link org.openetp.procurement.domain.TenderRules} applies the presets and refuses combinations that
 * do not go together.
 */
public record ProcedureSettings(boolean signatureRequired, boolean invitedOnly, boolean smeOnly,
        boolean prequalification, @Nullable Instant qualificationDeadline, boolean twoStage,
        @Nullable Instant stageOneDeadline, @Nullable AuctionSettings auction) {

    public static final ProcedureSettings DEFAULT = new ProcedureSettings(false, false, false, false, null, false,
            null, null);

    /**
     * Reads {@code settings} as the API receives it for a procedure of the kind, adding an error per unknown name,
     * wrong type, or setting the kind does not take (auction settings outside auctions).
     */
    static ProcedureSettings parse(@Nullable Map<String, Object> settings, ProcedureKind kind,
            List<FieldError> errors) {
        Map<String, Object> given = settings == null ? Map.of() : settings;
        boolean signatureRequired = false;
        boolean invitedOnly = false;
        boolean smeOnly = false;
        boolean prequalification = false;
        boolean twoStage = false;
        Instant qualificationDeadline = null;
        Instant stageOneDeadline = null;
        for (Map.Entry<String, Object> setting : given.entrySet()) {
            String field = "settings." + setting.getKey();
            if (AuctionSettings.NAMES.contains(setting.getKey())) {
                if (!kind.auction()) {
                    errors.add(new FieldError(field, "settings.auctionOnly"));
                }
                continue;
            }
            switch (setting.getKey()) {
                case "signatureRequired" -> {
                    if (setting.getValue() instanceof Boolean b) {
                        signatureRequired = b;
                    } else {
                        errors.add(new FieldError(field, "settings.boolean"));
                    }
                }
                case "invitedOnly" -> invitedOnly = flag(setting.getValue(), field, errors);
                case "smeOnly" -> smeOnly = flag(setting.getValue(), field, errors);
                case "prequalification" -> prequalification = flag(setting.getValue(), field, errors);
                case "twoStage" -> twoStage = flag(setting.getValue(), field, errors);
                case "qualificationDeadline" -> qualificationDeadline = instant(setting.getValue(), field, errors);
                case "stageOneDeadline" -> stageOneDeadline = instant(setting.getValue(), field, errors);
                default -> errors.add(new FieldError(field, "settings.unknown"));
            }
        }
        return new ProcedureSettings(signatureRequired, invitedOnly, smeOnly, prequalification,
                qualificationDeadline, twoStage, stageOneDeadline,
                kind.auction() ? AuctionSettings.parse(given, errors) : null);
    }

    private static boolean flag(@Nullable Object value, String field, List<FieldError> errors) {
        if (value instanceof Boolean b) {
            return b;
        }
        errors.add(new FieldError(field, "settings.boolean"));
        return false;
    }

    private static @Nullable Instant instant(@Nullable Object value, String field, List<FieldError> errors) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "settings.instant"));
            return null;
        }
    }
}
