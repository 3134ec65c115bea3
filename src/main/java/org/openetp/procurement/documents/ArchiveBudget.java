package org.openetp.procurement.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * How much an archive (zip, and the zips that OOXML and OpenDocument files are) unpacks to, counted while inflating
 * rather than trusted from its headers, which a zip bomb fills with small numbers: a 204 KB file that unpacks to
 * 200 MB would stop whoever opens it. Counting stops at the first byte past the budget, so checking costs at most the
 * budget.
 */
final class ArchiveBudget {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_UNPACKED_BYTES = 100L * 1024 * 1024;

    private ArchiveBudget() {
    }

    /** True when the archive holds more entries or unpacks to more bytes than any document needs. */
    static boolean exceeded(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                return true;
            }
            long left = MAX_UNPACKED_BYTES;
            byte[] buffer = new byte[64 * 1024];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                try (InputStream in = zip.getInputStream(entries.nextElement())) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        left -= n;
                        if (left < 0) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (ZipException e) {
            // Not an archive the type check can read either: DocumentType refuses it as a mismatch.
            return false;
        }
    }
}
