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
 * do not go together. {@code twoEnvelope}: technical and price envelopes, prices opened only for technically
 * compliant bids; {@code rebidding}: one price-improvement round after evaluation; {@code frameworkSize}: a framework
 * agreement with up to that many suppliers (0: not a framework); {@code alternativesAllowed}: alternative offers
 * beside the main one. {@code auction}: the live auction's settings, for auction kinds only. {@code openData}: the
 * buyer opts a procedure by invitation (a closed tender, negotiations, {@code invitedOnly}) into the open-data
 * publication (OCDS), which otherwise leaves it out; procedures open to all are published whatever it says.
 */
public record ProcedureSettings(boolean signatureRequired, boolean invitedOnly, boolean smeOnly,
        boolean prequalification, @Nullable Instant qualificationDeadline, boolean twoStage,
        @Nullable Instant stageOneDeadline, boolean twoEnvelope, boolean rebidding, int frameworkSize,
        boolean alternativesAllowed, @Nullable AuctionSettings auction, boolean openData) {

    public static final ProcedureSettings DEFAULT = new ProcedureSettings(false, false, false, false, null, false,
            null, false, false, 0, false, null, false);

    /** The largest framework agreement, in suppliers. */
    static final int MAX_FRAMEWORK_SIZE = 50;

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
        boolean twoEnvelope = false;
        boolean rebidding = false;
        int frameworkSize = 0;
        boolean alternativesAllowed = false;
        boolean openData = false;
        for (Map.Entry<String, Object> setting : given.entrySet()) {
            String field = "settings." + setting.getKey();
            if (AuctionSettings.NAMES.contains(setting.getKey())) {
                if (!kind.auction()) {
                    errors.add(new FieldError(field, "settings.auctionOnly"));
                }
                continue;
            }
            switch (setting.getKey()) {
                case "signatureRequired" -> signatureRequired = flag(setting.getValue(), field, errors);
                case "invitedOnly" -> invitedOnly = flag(setting.getValue(), field, errors);
                case "smeOnly" -> smeOnly = flag(setting.getValue(), field, errors);
                case "prequalification" -> prequalification = flag(setting.getValue(), field, errors);
                case "twoStage" -> twoStage = flag(setting.getValue(), field, errors);
                case "qualificationDeadline" -> qualificationDeadline = instant(setting.getValue(), field, errors);
                case "stageOneDeadline" -> stageOneDeadline = instant(setting.getValue(), field, errors);
                case "twoEnvelope" -> twoEnvelope = flag(setting.getValue(), field, errors);
                case "rebidding" -> rebidding = flag(setting.getValue(), field, errors);
                case "alternativesAllowed" -> alternativesAllowed = flag(setting.getValue(), field, errors);
                case "openData" -> openData = flag(setting.getValue(), field, errors);
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
        return new ProcedureSettings(signatureRequired, invitedOnly, smeOnly, prequalification,
                qualificationDeadline, twoStage, stageOneDeadline, twoEnvelope, rebidding, frameworkSize,
                alternativesAllowed, kind.auction() ? AuctionSettings.parse(given, errors) : null, openData);
    }

    /** The same settings with the tender switches of SPEC §5.1 as given (what the kinds' presets decide). */
    public ProcedureSettings withTenderSwitches(boolean invitedOnly, boolean smeOnly, boolean prequalification,
            @Nullable Instant qualificationDeadline, boolean twoStage, @Nullable Instant stageOneDeadline) {
        return new ProcedureSettings(signatureRequired, invitedOnly, smeOnly, prequalification, qualificationDeadline,
                twoStage, stageOneDeadline, twoEnvelope, rebidding, frameworkSize, alternativesAllowed, auction,
                openData);
    }

    /**
     * The settings with the kind's preset switched on (SPEC §5.1: kinds are named presets over these switches); a
     * framework tender must say how many suppliers it selects.
     */
    ProcedureSettings forKind(ProcedureKind kind, List<FieldError> errors) {
        if (kind.presets(ProcedureKind.Preset.FRAMEWORK) && frameworkSize == 0) {
            errors.add(new FieldError("settings.frameworkSize", "settings.frameworkSize"));
        }
        return withStages(twoEnvelope || kind.presets(ProcedureKind.Preset.TWO_ENVELOPE),
                rebidding || kind.presets(ProcedureKind.Preset.REBIDDING),
                alternativesAllowed || kind.presets(ProcedureKind.Preset.ALTERNATIVES));
    }

    private ProcedureSettings withStages(boolean twoEnvelope, boolean rebidding, boolean alternativesAllowed) {
        return new ProcedureSettings(signatureRequired, invitedOnly, smeOnly, prequalification, qualificationDeadline,
                twoStage, stageOneDeadline, twoEnvelope, rebidding, frameworkSize, alternativesAllowed, auction,
                openData);
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
