package org.openetp.shared;

/**
 * What text the platform accepts from outside: anything but control characters, with tab, line feed and carriage
 * return kept for multi-line text (PEM certificates, signed documents). PostgreSQL refuses NUL outright, and the other
 * controls (and halves of surrogate pairs) only make text that prints, sorts and signs differently than it reads.
 */
public final class PlainText {

    private PlainText() {
    }

    /** True when every character of the text may be stored. */
    public static boolean acceptable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
