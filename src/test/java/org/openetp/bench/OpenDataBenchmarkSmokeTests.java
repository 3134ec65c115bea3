package org.openetp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The open-data benchmark at a tiny size inside the normal build: it only proves that the benchmark runs end to end
 * and writes its report, so that it does not rot between full runs.
 */
class OpenDataBenchmarkSmokeTests {

    @Test
    void theBenchmarkRunsAtATinySizeAndWritesItsReport() throws Exception {
        Path report = OpenDataBenchmark.run(300, Path.of("target", "bench-smoke").toAbsolutePath());
        assertThat(report).exists();
        assertThat(Files.readString(report)).contains("feed_crawl", "releases_per_second", "bulk_file",
                "heap_peak_during_build_mib");
    }
}
