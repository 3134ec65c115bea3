package org.openetp.procurement.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.openetp.procurement.ProcedureId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bytes of documentation files under {@code <openetp.data-dir>/documents/<procedure>/<sha256>}: content
 * addressed, so a stored file never changes and two uploads of the same bytes share it. A file is received into
 * {@code documents/.incoming} first and moved into place with one atomic rename, so a crash or a refused upload
 * never leaves a half-written document where downloads look.
 */
@Component
class DocumentFiles {

    private final Path root;
    private final Path incoming;

    DocumentFiles(@Value("${openetp.data-dir:./data}") String dataDir) {
        this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("documents");
        this.incoming = root.resolve(".incoming");
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

    /**
     * Moves a received file to its place, durably. Returns true when this call created the stored file, false when
     * the same content was already there (the received copy is then dropped).
     */
    boolean store(ProcedureId procedure, Received received) {
        Path target = path(procedure, received.sha256());
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(received.path());
                return false;
            }
            // On disk before the row that points to it commits: an acknowledged document survives a crash.
            try (FileChannel channel = FileChannel.open(received.path(), StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(received.path(), target, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a stored document's bytes are. */
    Path path(ProcedureId procedure, String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return root.resolve(procedure.toString()).resolve(sha256);
    }

    /** Removes a stored file that a rolled-back upload created (no committed row can point to it). */
    void remove(ProcedureId procedure, String sha256) {
        try {
            Files.deleteIfExists(path(procedure, sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
