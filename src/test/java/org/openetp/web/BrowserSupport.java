package org.openetp.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its own chromedriver (no Selenium Manager download). On a developer machine
 * without Chromium the browser tests are skipped; in CI (CI=true) a missing browser is a failure.
 */
public final class BrowserSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private BrowserSupport() {
    }

    public static ChromeDriver start() throws Exception {
        return start(null);
    }

    /**
     * As {@link #start()}, saving downloads into {@code downloads} without asking (when given). The profile
     * preferences are enough for Debian's Chromium 156 in new headless mode; DevTools'
     * {@code Browser.setDownloadBehavior} is sent as well for Chromium builds whose headless mode ignores them.
     */
    public static ChromeDriver start(@Nullable Path downloads) throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(installed, "Debian chromium and chromium-driver are not installed");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("openetp-chromium"));
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toAbsolutePath().toString(),
                    "download.prompt_for_download", false,
                    "safebrowsing.enabled", false));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        if (downloads != null) {
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of(
                    "behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        }
        return driver;
    }
}
