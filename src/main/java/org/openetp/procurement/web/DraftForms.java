package org.openetp.procurement.web;

import static org.openetp.shared.web.FormValues.amount;
import static org.openetp.shared.web.FormValues.decimal;
import static org.openetp.shared.web.FormValues.utc;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.AuctionSettings;
import org.openetp.procurement.CreateProcedure;
import org.openetp.procurement.Criterion;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.ProcedureView;

/**
 * The draft editor's forms both ways: a stored draft as the field values the creation form uses (so the same
 * fields and fragments show it), and the posted fields as the API's commands. Amounts are written plainly
 * ("120000.00"), which {@link org.openetp.shared.web.FormValues#amount} reads in every language.
 */
final class DraftForms {

    /** Most criteria rows the editor shows and reads. */
    static final int MAX_CRITERIA = 10;

    private DraftForms() {
    }

    /** The procedure's content as the creation form's field values. */
    static Map<String, String> contentForm(ProcedureView p) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", p.kind().name());
        form.put("title", p.title());
        form.put("description", p.description());
        form.put("currency", p.currency());
        form.put("submissionDeadline", local(p.submissionDeadline()));
        ProcedureSettings s = p.settings();
        flag(form, "signatureRequired", s.signatureRequired());
        flag(form, "invitedOnly", s.invitedOnly());
        flag(form, "smeOnly", s.smeOnly());
        flag(form, "prequalification", s.prequalification());
        flag(form, "twoStage", s.twoStage());
        flag(form, "openData", s.openData());
        flag(form, "twoEnvelope", s.twoEnvelope());
        flag(form, "rebidding", s.rebidding());
        flag(form, "alternativesAllowed", s.alternativesAllowed());
        form.put("qualificationDeadline", local(s.qualificationDeadline()));
        form.put("stageOneDeadline", local(s.stageOneDeadline()));
        if (s.frameworkSize() > 0) {
            form.put("frameworkSize", String.valueOf(s.frameworkSize()));
        }
        AuctionSettings a = s.auction();
        if (a != null) {
            form.put("auctionStart", local(a.auctionStart()));
            form.put("duration", minutes(a.duration()));
            form.put("extensionWindow", minutes(a.extensionWindow()));
            form.put("stepInterval", minutes(a.stepInterval()));
            form.put("minStepPercent", a.minStepPercent().toPlainString());
            form.put("maxStepPercent", a.maxStepPercent().toPlainString());
            form.put("reservePrice", a.reservePrice() == null ? "" : a.reservePrice().toPlainString());
            flag(form, "secondPrice", a.secondPrice());
            form.put("rounds", String.valueOf(a.rounds()));
            form.put("turnTime", minutes(a.turnTime()));
        }
        List<Criterion> criteria = p.criteria();
        for (int i = 0; i < criteria.size(); i++) {
            form.put("criteria[" + i + "].code", criteria.get(i).code());
            form.put("criteria[" + i + "].weight", criteria.get(i).weight().stripTrailingZeros().toPlainString());
        }
        return form;
    }

    /**
     * The posted content fields as the command that replaces a draft's content; its lots stay (none given). A setting
     * the page did not post (not shown for the kind, or a page older than the setting) keeps the stored draft's value,
     * so saving the editor never resets what it does not show; a checkbox was shown when its "_name" marker came.
     */
    static CreateProcedure content(Map<String, String> form, ProcedureView stored) {
        List<CreateProcedure.NewCriterion> criteria = new ArrayList<>();
        for (int i = 0; i < MAX_CRITERIA; i++) {
            String code = form.get("criteria[" + i + "].code");
            if (code != null && !code.isBlank()) {
                criteria.add(new CreateProcedure.NewCriterion(code.strip(),
                        decimal(form.get("criteria[" + i + "].weight"))));
            }
        }
        return new CreateProcedure(form.get("kind"), form.get("title"), form.get("description"), form.get("currency"),
                utc(form.get("submissionDeadline")), keptSettings(form, stored.settings()), null, criteria, null);
    }

    /** The form's settings, with every stored one the form did not carry put back as the API names it. */
    static Map<String, Object> keptSettings(Map<String, String> form, ProcedureSettings stored) {
        Map<String, Object> settings = ProcedurePageController.settings(form);
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("signatureRequired", stored.signatureRequired());
        flags.put("invitedOnly", stored.invitedOnly());
        flags.put("smeOnly", stored.smeOnly());
        flags.put("prequalification", stored.prequalification());
        flags.put("twoStage", stored.twoStage());
        flags.put("openData", stored.openData());
        flags.put("twoEnvelope", stored.twoEnvelope());
        flags.put("rebidding", stored.rebidding());
        flags.put("alternativesAllowed", stored.alternativesAllowed());
        flags.forEach((name, on) -> {
            if (!form.containsKey(name) && !form.containsKey("_" + name)) {
                settings.remove(name);
                if ((Boolean) on) {
                    settings.put(name, true);
                }
            }
        });
        keep(form, settings, "qualificationDeadline", stored.qualificationDeadline());
        keep(form, settings, "stageOneDeadline", stored.stageOneDeadline());
        keep(form, settings, "frameworkSize", stored.frameworkSize() > 0 ? stored.frameworkSize() : null);
        AuctionSettings a = stored.auction();
        // Auction fields only go with an auction kind (the settings refuse them elsewhere), as the form reads them.
        if (a != null && settings.containsKey("auctionStart")) {
            keep(form, settings, "auctionStart", a.auctionStart());
            keep(form, settings, "duration", a.duration());
            keep(form, settings, "extensionWindow", a.extensionWindow());
            keep(form, settings, "stepInterval", a.stepInterval());
            keep(form, settings, "minStepPercent", a.minStepPercent().toPlainString());
            keep(form, settings, "maxStepPercent", a.maxStepPercent().toPlainString());
            keep(form, settings, "reservePrice", a.reservePrice() == null ? null : a.reservePrice().toPlainString());
            keep(form, settings, "rounds", a.rounds());
            keep(form, settings, "turnTime", a.turnTime());
            if (!form.containsKey("secondPrice") && !form.containsKey("_secondPrice") && a.secondPrice()) {
                settings.put("secondPrice", true);
            }
        }
        return settings;
    }

    /** Puts the stored value back under its name when the form had no field of that name. */
    private static void keep(Map<String, String> form, Map<String, Object> settings, String name,
            @Nullable Object stored) {
        if (!form.containsKey(name) && stored != null) {
            settings.put(name, stored instanceof Integer ? stored : String.valueOf(stored));
        }
    }

    /** A lot as its form's field values. */
    static Map<String, String> lotForm(ProcedureView.LotView lot) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", lot.title());
        form.put("categoryCode", lot.categoryCode());
        form.put("quantity", lot.quantity().stripTrailingZeros().toPlainString());
        form.put("unit", lot.unit());
        form.put("startPrice", lot.startPrice().toPlainString());
        form.put("deliveryRegion", lot.deliveryRegion() == null ? "" : lot.deliveryRegion());
        if (lot.security() != null) {
            form.put("securityKind", lot.security().kind().name());
            form.put("securityValue", lot.security().value().stripTrailingZeros().toPlainString());
        }
        return form;
    }

    /** The posted lot fields as the API's lot; an unreadable start price is refused naming its field. */
    static CreateProcedure.NewLot lot(Map<String, String> form) {
        String securityKind = form.get("securityKind");
        BigDecimal startPrice = amount("startPrice", form.get("startPrice"));
        return new CreateProcedure.NewLot(form.get("title"), form.get("categoryCode"), decimal(form.get("quantity")),
                form.get("unit"), startPrice, form.get("deliveryRegion"),
                securityKind == null || securityKind.isBlank() ? null
                        : new CreateProcedure.NewSecurity(securityKind, decimal(form.get("securityValue"))));
    }

    private static void flag(Map<String, String> form, String name, boolean on) {
        if (on) {
            form.put(name, "true");
        }
    }

    /** An instant as a datetime-local value in UTC, the zone the forms state. */
    private static String local(@Nullable Instant at) {
        return at == null ? "" : LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC).toString();
    }

    private static String minutes(Duration d) {
        return String.valueOf(d.toMinutes());
    }
}
