package org.openetp.procurement.documents;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Turns the file name an uploader sent into one that is safe to store, list and send back in a header. */
final class DocumentNames {

    static final int MAX_LENGTH = 200;

    /**
     * Control and format characters (among them U+202E, the right-to-left override that makes "fdp.exe" read as
     * "exe.pdf"), characters Windows forbids in names, and quotes that would break a Content-Disposition header.
     */
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}<>:\"/\\\\|?*]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private DocumentNames() {
    }

    /** The safe name, or null when nothing usable is left. */
    static @Nullable String sanitize(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        // Some browsers send the whole client-side path; only its last element is the name.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = SPACES.matcher(UNSAFE.matcher(name).replaceAll("")).replaceAll(" ").strip();
        // Leading dots make hidden files or "..", trailing dots and spaces are dropped by Windows on save.
        name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (name.isEmpty()) {
            return null;
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            String base = name.substring(0, name.length() - extension.length());
            int keep = MAX_LENGTH - extension.length();
            base = base.substring(0, base.offsetByCodePoints(0, keep)).strip();
            name = base + extension;
        }
        return name;
    }
}
