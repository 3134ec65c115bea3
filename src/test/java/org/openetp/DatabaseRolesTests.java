package org.openetp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the embedded PostgreSQL's superuser has a random password kept in data/keys (0600), trust is off, and
 * the platform connects as an ordinary role that owns its schema; a data directory made before (trust, everything
 * the superuser's) is brought there at its first start.
 */
class DatabaseRolesTests {

    @TempDir
    Path dataRoot;

    @Test
    void aDataDirectoryFromBeforeTheChangeIsMigratedAndTrustIsOff() throws Exception {
        // As the platform used to leave it: trust, and tables, sequences and a trigger function of the superuser.
        Path pgData = Files.createDirectories(dataRoot.resolve("postgres"));
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(Files.createDirectories(dataRoot.resolve("pg-runtime")).toFile())
                .start();
                Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE old_bid (id BIGSERIAL PRIMARY KEY, price NUMERIC NOT NULL)");
            s.execute("INSERT INTO old_bid (price) VALUES (100)");
            s.execute("CREATE FUNCTION old_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(dataRoot, true, null));
                Connection app = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                        database.password());
                Statement s = app.createStatement()) {
            assertThat(single(s, "SELECT current_user")).isEqualTo("openetp");
            assertThat(single(s, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("false");
            s.execute("INSERT INTO old_bid (price) VALUES (200)");
            assertThat(single(s, "SELECT count(*)::text FROM old_bid")).as("data intact, the role owns it")
                    .isEqualTo("2");
            s.execute("CREATE OR REPLACE FUNCTION old_guard() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RETURN NULL; END $$");
            assertThat(single(s, "SELECT count(*)::text FROM pg_extension WHERE extname = 'pg_trgm'")).isEqualTo("1");

            assertThatThrownBy(() -> s.execute("SELECT pg_read_binary_file('postgresql.conf')"))
                    .as("server files are the superuser's").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("SET session_replication_role = replica"))
                    .as("no way past triggers").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("ALTER ROLE openetp SUPERUSER")).isInstanceOf(SQLException.class);

            String superuserUrl = "jdbc:postgresql://localhost:" + database.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1")
                    + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(superuserUrl, "postgres", "").close())
                    .as("trust is off").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(superuserUrl, "postgres", "guess").close())
                    .isInstanceOf(SQLException.class);
            try (Connection superuser = database.superuserDataSource().getConnection()) {
                assertThat(superuser.isValid(5)).as("with the kept password").isTrue();
            }
            assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).doesNotContain("trust");
        }

        Path password = dataRoot.resolve("keys").resolve(DatabaseRoles.SUPERUSER_PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
        assertThat(Files.readString(password).strip()).hasSizeGreaterThanOrEqualTo(32);

        // And the next start, now with passwords only, comes up the same.
        try (EmbeddedDatabase again = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(dataRoot, true, null));
                Connection app = DriverManager.getConnection(again.jdbcUrl(), again.username(), again.password());
                Statement s = app.createStatement()) {
            assertThat(single(s, "SELECT count(*)::text FROM old_bid")).isEqualTo("2");
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
