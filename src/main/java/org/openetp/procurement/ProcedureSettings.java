package org.openetp.procurement;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.FieldError;

/**
 * A procedure's settings (API.md {@code settings}): the switches that make one engine run the different kinds and
 * variants. Unknown names are refused rather than ignored, so that a typo never silently drops a rule.
 */
public record ProcedureSettings(boolean signatureRequired, @Nullable AuctionSettings auction) {

    public static final ProcedureSettings DEFAULT = new ProcedureSettings(false, null);

    /**
     * Reads {@code settings} as the API receives it for a procedure of the kind, adding an error per unknown name,
     * wrong type, or setting the kind does not take (auction settings outside auctions).
     */
    static ProcedureSettings parse(@Nullable Map<String, Object> settings, ProcedureKind kind,
            List<FieldError> errors) {
        Map<String, Object> given = settings == null ? Map.of() : settings;
        boolean signatureRequired = false;
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
                default -> errors.add(new FieldError(field, "settings.unknown"));
            }
        }
        return new ProcedureSettings(signatureRequired, kind.auction() ? AuctionSettings.parse(given, errors) : null);
    }
}
