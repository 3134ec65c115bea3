package org.openetp.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openetp.support.IntegrationTest;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/** A journey in a real headless Chromium against the running platform: a fresh browser per test. */
@IntegrationTest
abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MessageSource messages;

    protected WebDriver browser;
    protected BrowserPage page;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = BrowserSupport.start();
        page = new BrowserPage(browser, port, messages);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
