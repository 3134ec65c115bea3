package org.openetp.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A loaded benchmark data set kept between runs (issue 19, item 6: loading the full set takes minutes). The embedded
 * PostgreSQL's data directory stays under {@code target/bench/<name>-data} with a key file beside it; the key hashes
 * every migration's text, the classes that generate and index the data, and the sizes. A run whose key matches
 * starts on the kept data and skips the load; any other run deletes it and loads afresh, so a changed schema is
 * never measured on data shaped by the old one. {@code -Dbench.reload=true} forces a fresh load; see {@link #reusable()}
 * for {@code -Dbench.adopt=true}.
 */
final class DataSetCache {

    private final Path dataDir;
    private final Path keyFile;
    private final String key;

    DataSetCache(Path dataDir, String sizes, Class<?>... generators) throws IOException {
        this.dataDir = dataDir;
        this.keyFile = dataDir.resolveSibling(dataDir.getFileName() + ".key");
        this.key = key(sizes, generators);
    }

    Path dataDir() {
        return dataDir;
    }

    String key() {
        return key;
    }

    /**
     * Whether the kept data fits this run; if not, it is deleted so that the caller loads afresh. With
     * {@code -Dbench.adopt=true} kept data is used whatever its key: for a change that only adds migrations, which
     * the platform then applies to the loaded data at start-up as it would in production (minutes instead of a
     * reload); the caller marks it with the new key once started.
     */
    boolean reusable() throws IOException {
        if (!Boolean.getBoolean("bench.reload") && Files.exists(keyFile) && Files.exists(dataDir)
                && (Files.readString(keyFile).strip().equals(key) || Boolean.getBoolean("bench.adopt"))) {
            return true;
        }
        Files.deleteIfExists(keyFile);
        Bench.deleteRecursively(dataDir);
        return false;
    }

    /** Marks the data as completely loaded: only then may a later run reuse it. */
    void loaded() throws IOException {
        Files.writeString(keyFile, key + "\n");
    }

    private static String key(String sizes, Class<?>... generators) throws IOException {
        MessageDigest sha = sha256();
        sha.update(sizes.getBytes(StandardCharsets.UTF_8));
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/*.sql");
        Arrays.sort(migrations, Comparator.comparing(DataSetCache::path));
        for (Resource migration : migrations) {
            sha.update(path(migration).getBytes(StandardCharsets.UTF_8));
            try (InputStream in = migration.getInputStream()) {
                sha.update(in.readAllBytes());
            }
        }
        for (Class<?> generator : generators) {
            try (InputStream in = generator.getResourceAsStream(generator.getSimpleName() + ".class")) {
                if (in != null) {
                    sha.update(in.readAllBytes());
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String path(Resource resource) {
        try {
            String url = resource.getURL().toString();
            return url.substring(url.indexOf("db/migration/"));
        } catch (IOException e) {
            return String.valueOf(resource.getFilename());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
