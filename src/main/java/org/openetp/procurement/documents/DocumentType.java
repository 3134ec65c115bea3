package org.openetp.procurement.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The allow-list of documentation types (SPEC §5.3: "virus-free types only"). A file is accepted only when its
 * extension is listed here AND its content looks like that type, so an executable or a web page renamed to
 * {@code .pdf} is refused. The content type served on download comes from here, never from the uploader.
 */
enum DocumentType {

    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    TXT("text/plain", "txt"),
    CSV("text/csv", "csv"),
    PNG("image/png", "png"),
    JPG("image/jpeg", "jpg", "jpeg"),
    ZIP("application/zip", "zip");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /**
     * Names inside an archive that would run if a recipient double-clicked them, or render as a page: an archive
     * carrying one is refused like the file itself would be.
     */
    private static final Set<String> DANGEROUS_INSIDE = Set.of("exe", "dll", "com", "scr", "pif", "cpl", "msi",
            "msp", "bat", "cmd", "ps1", "psm1", "vbs", "vbe", "js", "jse", "wsf", "wsh", "hta", "jar", "lnk", "reg",
            "sh", "app", "apk", "html", "htm", "xhtml", "svg");

    /** Markup at the start of a text file: a browser could be talked into rendering it as a page. */
    private static final Pattern MARKUP_START = Pattern.compile("^\\s*<[!?a-zA-Z]");

    private final String contentType;
    private final List<String> extensions;

    DocumentType(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = List.of(extensions);
    }

    /** The type a (sanitized) file name claims by its extension, if that type is allowed. */
    static Optional<DocumentType> ofName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(extension)).findFirst();
    }

    /** All allowed extensions, for the upload form's hint and its {@code accept} attribute. */
    static List<String> allExtensions() {
        return Arrays.stream(values()).flatMap(t -> t.extensions.stream()).toList();
    }

    String contentType() {
        return contentType;
    }

    /** Whether files of this type are zip archives (OOXML and OpenDocument files are). */
    boolean archive() {
        return switch (this) {
            case ZIP, DOCX, XLSX, ODT, ODS -> true;
            default -> false;
        };
    }

    /** Whether the stored file's content is really of this type (magic bytes, and the structure of archives). */
    boolean matches(Path file) throws IOException {
        byte[] head = head(file, 512);
        return switch (this) {
            case PDF -> startsWith(head, PDF_MAGIC);
            case PNG -> startsWith(head, PNG_MAGIC);
            case JPG -> startsWith(head, JPG_MAGIC);
            case TXT, CSV -> plainText(file, head);
            case ZIP -> startsWith(head, ZIP_MAGIC) && archive(file, List.of());
            case DOCX -> startsWith(head, ZIP_MAGIC) && archive(file, List.of("[Content_Types].xml", "word/document.xml"));
            case XLSX -> startsWith(head, ZIP_MAGIC) && archive(file, List.of("[Content_Types].xml", "xl/workbook.xml"));
            case ODT, ODS -> startsWith(head, ZIP_MAGIC) && archive(file, List.of("mimetype", "content.xml"))
                    && openDocumentMimetype(file);
        };
    }

    /** Text without NUL bytes (so not a binary in disguise) that does not start like HTML, SVG or XML markup. */
    private static boolean plainText(Path file, byte[] head) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == 0) {
                        return false;
                    }
                }
            }
        }
        String start = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return !MARKUP_START.matcher(start).find();
    }

    /**
     * A readable zip archive holding the entries the format requires, with no executable or page inside and no
     * macros (a macro-enabled Office file renamed to .docx carries {@code vbaProject.bin}, an OpenDocument one a
     * {@code Basic/} folder). Only the central directory is read, so a zip bomb costs nothing here.
     */
    private static boolean archive(Path file, List<String> required) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String name : required) {
                if (zip.getEntry(name) == null) {
                    return false;
                }
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            if (!entries.hasMoreElements()) {
                return false;
            }
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName().toLowerCase(Locale.ROOT);
                int dot = name.lastIndexOf('.');
                boolean dangerous = dot >= 0 && DANGEROUS_INSIDE.contains(name.substring(dot + 1));
                if (dangerous || name.endsWith("vbaproject.bin") || name.startsWith("basic/")
                        || name.startsWith("scripts/")) {
                    return false;
                }
            }
            return true;
        } catch (ZipException e) {
            return false;
        }
    }

    private boolean openDocumentMimetype(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            try (InputStream in = zip.getInputStream(mimetype)) {
                return new String(in.readNBytes(100), StandardCharsets.US_ASCII).equals(contentType);
            }
        }
    }

    private static byte[] head(Path file, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
