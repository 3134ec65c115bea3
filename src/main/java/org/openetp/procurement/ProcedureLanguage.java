package org.openetp.procurement;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.FieldError;

/**
 * The language a procedure's protocols are written in, chosen by the buyer at creation: a protocol is rendered once,
 * in this language, and that rendering is the original that is hashed and signed (issue 17).
 */
public enum ProcedureLanguage {
    EN, RU, TH;

    /** The code as stored and as the API takes and gives it: {@code en}, {@code ru}, {@code th}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** The stored code; anything else (there is nothing else, the column checks it) reads as English. */
    public static ProcedureLanguage ofCode(@Nullable String code) {
        for (ProcedureLanguage language : values()) {
            if (language.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return language;
            }
        }
        return EN;
    }

    /**
     * The language asked for, or the creator's own language when none is asked for (English if that is none of
     * ours); an unknown code is a field error.
     */
    static ProcedureLanguage parse(@Nullable String asked, @Nullable String creatorLocale, List<FieldError> errors) {
        if (asked == null || asked.isBlank()) {
            String own = creatorLocale == null ? "" : Locale.forLanguageTag(creatorLocale.replace('_', '-'))
                    .getLanguage();
            return ofCode(own);
        }
        for (ProcedureLanguage language : values()) {
            if (language.code().equalsIgnoreCase(asked.strip())) {
                return language;
            }
        }
        errors.add(new FieldError("language", "procedure.language.unknown"));
        return EN;
    }
}
