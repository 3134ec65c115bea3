package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The Open data page (issue 21) in a real browser: reached from the footer, in the three languages, with no
 * horizontal overflow on a laptop (1366 px) or a phone (390 px), where the feed's long address must wrap.
 */
class OpenDataBrowserTests extends BrowserTest {

    @Test
    void theOpenDataPageIsReachedFromTheFooterAndFitsALaptopAndAPhone() {
        page.open("/?lang=en");
        page.click(By.id("footer-open-data"));
        assertThat(page.text(By.tagName("h1"))).isEqualTo(page.message("opendata.title"));
        for (String language : new String[] {"en", "ru", "th"}) {
            page.open("/open-data?lang=" + language);
            assertThat(page.text(By.tagName("h1"))).isEqualTo(page.message("opendata.title", language));
            for (int width : new int[] {1366, 390}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                Object overflow = ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
                assertThat(overflow).as("%s at %d px", language, width).isEqualTo(false);
            }
        }
    }
}
