package org.openetp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.regex.Pattern;
import org.openetp.shared.KeyFiles;

/**
 * Who may connect to the embedded PostgreSQL, and as whom the platform does. The superuser {@code postgres} gets a
 * random password created with the data directory (kept in {@code <data-dir>/keys}, 0600), trust authentication is
 * replaced by SCRAM for every local and host connection, and the platform connects as {@code openetp}: an ordinary
 * role that owns the database and its schema, so it runs the migrations and creates trusted extensions, but cannot
 * read server files (the master key beside the data) or bypass the journal's triggers as a superuser could.
 *
 * <p>Idempotent at every start, so a data directory made before this (trust, everything owned by {@code postgres})
 * is brought to the same state at its first start: passwords set, the role created, objects handed to it.
 */
final class DatabaseRoles {

    static final String SUPERUSER = "postgres";
    static final String APP_ROLE = "openetp";
    static final String SUPERUSER_PASSWORD_FILE = "postgres-superuser.password";
    static final String APP_PASSWORD_FILE = "postgres-openetp.password";

    private static final Pattern SAFE_PASSWORD = Pattern.compile("[A-Za-z0-9_-]{32,}");
    private static final String PG_HBA = """
            # Written by OpenETP at every start: a password (SCRAM) for every connection, none without.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private final String superuserPassword;
    private final String appPassword;

    private DatabaseRoles(String superuserPassword, String appPassword) {
        this.superuserPassword = superuserPassword;
        this.appPassword = appPassword;
    }

    /** The two passwords from the keys directory, each created (0600) the first time. */
    static DatabaseRoles load(Path keysDirectory) throws IOException {
        return new DatabaseRoles(password(keysDirectory.resolve(SUPERUSER_PASSWORD_FILE)),
                password(keysDirectory.resolve(APP_PASSWORD_FILE)));
    }

    String superuserPassword() {
        return superuserPassword;
    }

    String appPassword() {
        return appPassword;
    }

    /**
     * Connected as the superuser (under trust on a fresh or old data directory, by password otherwise): sets both
     * passwords, creates the app role, hands it the database, the schema and every object in it, creates the
     * extensions the migrations need, and then turns trust off.
     */
    void apply(String superuserJdbcUrl, Path pgData) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(superuserJdbcUrl, SUPERUSER, superuserPassword);
                Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + superuserPassword + "'");
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN "
                    + "CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION; "
                    + "END IF; END $$");
            s.execute("ALTER ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                    + "NOBYPASSRLS PASSWORD '" + appPassword + "'");
            s.execute("ALTER DATABASE postgres OWNER TO " + APP_ROLE);
            s.execute("ALTER SCHEMA public OWNER TO " + APP_ROLE);
            // pg_trgm is a trusted extension (the owner could create it too); made here so no migration depends on it.
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            s.execute(HAND_OVER);
            Files.writeString(pgData.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.US_ASCII);
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /** Objects a data directory made before the app role existed left to the superuser: tables, views, routines. */
    private static final String HAND_OVER = """
            DO $$
            DECLARE r record;
            BEGIN
                FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                           AND c.relowner <> 'openetp'::regrole
                           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                           AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
                LOOP
                    EXECUTE format('ALTER %s public.%I OWNER TO openetp', CASE r.relkind WHEN 'S' THEN 'SEQUENCE'
                        WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.relname);
                END LOOP;
                FOR r IN SELECT p.oid::regprocedure AS routine FROM pg_proc p
                         JOIN pg_namespace n ON n.oid = p.pronamespace
                         WHERE n.nspname = 'public' AND p.proowner <> 'openetp'::regrole
                           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                                           AND d.objid = p.oid AND d.deptype = 'e')
                LOOP
                    EXECUTE format('ALTER ROUTINE %s OWNER TO openetp', r.routine);
                END LOOP;
                FOR r IN SELECT t.oid::regtype AS type FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                         WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') AND t.typowner <> 'openetp'::regrole
                           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                                           AND d.objid = t.oid AND d.deptype = 'e')
                LOOP
                    EXECUTE format('ALTER TYPE %s OWNER TO openetp', r.type);
                END LOOP;
            END $$""";

    private static String password(Path file) throws IOException {
        if (Files.notExists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            KeyFiles.createOwnerOnly(file, fresh.getBytes(StandardCharsets.US_ASCII));
            return fresh;
        }
        String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
        // Inlined into ALTER ROLE (which takes no parameters): only the alphabet we write is accepted.
        if (!SAFE_PASSWORD.matcher(stored).matches()) {
            throw new IllegalStateException(file + " must hold a password of at least 32 characters A-Z a-z 0-9 - _");
        }
        return stored;
    }
}
