package org.openetp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A JVM of its own that starts the platform's embedded database exactly as the platform does
 * ({@link EmbeddedDatabase}),
 * adds a row, reports "READY rows=N" and waits; a line "stop" (or end of input) stops it cleanly. The restart test
 * kills it with {@code kill -9}.
 */
public final class EmbeddedDatabaseProcess {

    private EmbeddedDatabaseProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(Path.of(args[0]), true,
                null));
        long rows;
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS restart_probe (note TEXT NOT NULL)");
            statement.execute("INSERT INTO restart_probe VALUES ('" + args[1] + "')");
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM restart_probe")) {
                count.next();
                rows = count.getLong(1);
            }
        }
        System.out.println("READY rows=" + rows);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        do {
            line = in.readLine();
        } while (line != null && !line.equals("stop"));
        database.close();
        System.out.println("STOPPED");
    }
}
