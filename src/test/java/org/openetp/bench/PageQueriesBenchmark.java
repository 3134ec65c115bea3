package org.openetp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openetp.OpenEtpApplication;
import org.openetp.procurement.catalogue.CatalogueIndex;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL each walked page runs (issue 16): the platform of {@link PagesBenchmark} (demo data plus synthetic
 * procedures), each role's pages fetched one at a time by one user after a warm-up view, every statement counted by
 * its text through a counting proxy around the pool. Writes {@code target/bench/page-queries.md}: per page the
 * statements and their time, and each text run more than once for one view (an N+1 shows there). It reports; it
 * does not fail on a count.
 */
@Tag("bench")
class PageQueriesBenchmark {

    @Test
    void everyWalkedPagesStatementsCounted() throws Exception {
        Path out = Bench.out();
        Files.createDirectories(out);
        Path dataDir = out.resolve(Bench.reportName("page-queries-data"));
        Bench.deleteRecursively(dataDir);
        CountingDataSource counting = new CountingDataSource();
        List<String> args = List.of("--server.port=0", "--openetp.data-dir=" + dataDir,
                "--db-scheduler.enabled=false", "--logging.level.root=WARN", "--openetp.demo-data=true",
                "--openetp.operator.email=" + PageSessions.OPERATOR,
                "--openetp.operator.password=" + PageSessions.OPERATOR_PASSWORD);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenEtpApplication.class)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        return bean instanceof DataSource ds && !name.startsWith("scoped") ? counting.wrap(ds) : bean;
                    }
                })).run(args.toArray(String[]::new))) {
            PagesBenchmark.load(app.getBean(DataSource.class), app.getBean(JdbcClient.class),
                    app.getBean(CatalogueIndex.class));
            PageSessions sessions = new PageSessions(
                    Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            Map<String, List<String>> pages = sessions.discover();
            StringBuilder md = new StringBuilder("# SQL per page view\n\n`./mvnw -Pbench verify -Dtest="
                    + "PageQueriesBenchmark`: statements and their time (ms) for one view of each walked page, "
                    + "after a warm-up view; texts run more than once in the view listed below it.\n\n");
            for (List<PageSessions.Session> one : List.of(sessions.signIn(4))) {
                for (PageSessions.Session user : one) {
                    for (String page : pages.get(user.role())) {
                        user.get(page);
                        counting.reset();
                        user.get(page);
                        report(md, user.role() + " " + page, counting.bySql);
                    }
                }
            }
            Path written = out.resolve(Bench.reportName("page-queries") + ".md");
            Files.writeString(written, md);
            assertThat(written).exists();
        }
    }

    private static void report(StringBuilder md, String page, Map<String, CountingDataSource.Use> bySql) {
        long runs = bySql.values().stream().mapToLong(u -> u.runs().sum()).sum();
        double ms = bySql.values().stream().mapToLong(u -> u.nanos().sum()).sum() / 1e6;
        md.append(String.format("- **%s**: %d statements, %.1f ms%n", page, runs, ms));
        bySql.entrySet().stream().filter(e -> e.getValue().runs().sum() > 1)
                .sorted(Comparator.comparingLong(e -> -e.getValue().runs().sum()))
                .forEach(e -> md.append(String.format("  - %d× %.1f ms `%s`%n", e.getValue().runs().sum(),
                        e.getValue().nanos().sum() / 1e6, e.getKey().replaceAll("\\s+", " ")
                                .substring(0, Math.min(160, e.getKey().replaceAll("\\s+", " ").length())))));
        bySql.entrySet().stream().filter(e -> e.getValue().runs().sum() == 1)
                .sorted(Comparator.comparingLong(e -> -e.getValue().nanos().sum())).limit(3)
                .forEach(e -> md.append(String.format("  - slowest once: %.1f ms `%s`%n",
                        e.getValue().nanos().sum() / 1e6, e.getKey().replaceAll("\\s+", " ")
                                .substring(0, Math.min(160, e.getKey().replaceAll("\\s+", " ").length())))));
    }
}
