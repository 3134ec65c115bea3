package org.openetp.procurement.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.openetp.procurement.ProcedureId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The bytes of documentation files. An upload is received into {@code <openetp.data-dir>/documents/.incoming} first
 * (hashed, size-limited and checked against its type there, without holding a database connection), then stored in
 * the database in the upload's transaction ({@link DocumentContentRepository}): a refused or rolled-back upload leaves
 * nothing, and every app node serves every download. Files stored before the database held them, under
 * {@code documents/<procedure>/<sha256>}, are copied in at start-up and read from disk until then.
 */
@Component
class DocumentFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentFiles.class);

    private final Path root;
    private final Path incoming;
    private final DocumentContentRepository contents;

    DocumentFiles(@Value("${openetp.data-dir:./data}") String dataDir, DocumentContentRepository contents) {
        this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("documents");
        this.incoming = root.resolve(".incoming");
        this.contents = contents;
    }

    /** A file received but not yet in place: where it waits, how big it is and its SHA-256. */
    record Received(Path path, long size, String sha256) {
    }

    /** Thrown when the stream is longer than allowed; nothing is left on disk. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super("The file exceeds the size limit", null, false, false);
        }
    }

    /** Copies the stream to the incoming directory, hashing it on the way; refuses it past {@code maxSize}. */
    Received receive(InputStream content, long maxSize) throws IOException, TooLarge {
        Files.createDirectories(incoming);
        Path file = incoming.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream in = content;
                OutputStream out = new DigestOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW),
                        digest)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > maxSize) {
                    throw new TooLarge();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | TooLarge | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Received(file, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** Stores a received file's bytes with the procedure, in the caller's transaction (once per content). */
    void store(ProcedureId procedure, Received received) {
        contents.insert(procedure, received.sha256(), received.path(), received.size());
    }

    /** A stored document's bytes: from the database, or from the disk where they were stored before. */
    Resource content(ProcedureId procedure, String sha256) {
        return contents.content(procedure, sha256).<Resource>map(ByteArrayResource::new).orElseGet(() -> {
            Path legacy = legacyPath(procedure, sha256);
            if (!Files.isReadable(legacy)) {
                throw new IllegalStateException("No content " + sha256 + " for procedure " + procedure);
            }
            return new FileSystemResource(legacy);
        });
    }

    /**
     * Copies the files stored on disk before the database held documents into it; each node does it at start-up
     * (a content another node copied first is skipped), so the disk copies are then no longer needed.
     */
    @EventListener(ApplicationReadyEvent.class)
    void importLegacyFiles() {
        int copied = 0;
        for (DocumentContentRepository.Missing m : contents.missing()) {
            Path legacy = legacyPath(m.procedure(), m.sha256());
            if (Files.isReadable(legacy)) {
                try {
                    contents.insert(m.procedure(), m.sha256(), legacy, Files.size(legacy));
                    copied++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                LOG.warn("Document content {} of procedure {} is neither in the database nor in {}", m.sha256(),
                        m.procedure(), root);
            }
        }
        if (copied > 0) {
            LOG.info("Copied {} document files from {} into the database", copied, root);
        }
    }

    /** Where a document's bytes were stored before the database held them. */
    Path legacyPath(ProcedureId procedure, String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return root.resolve(procedure.toString()).resolve(sha256);
    }

    void discard(Received received) {
        try {
            Files.deleteIfExists(received.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
