package org.openetp.web;

import java.time.Duration;
import java.util.Locale;
import org.openetp.support.Registrations;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.MessageSource;

/**
 * What a user does on the platform's pages in the browser tests: open a page, type, click, read a text, log in and
 * out; and the text a page shows for a message key. Elements are waited for, since pages answer a click by loading.
 * It drives {@code browser} against the platform on {@code port} and reads texts from its {@code messages}.
 */
record BrowserPage(WebDriver browser, int port, MessageSource messages) {

    private static final Duration FIND = Duration.ofSeconds(10);
    private static final Duration READ = Duration.ofSeconds(15);

    /**
     * Logs in in English with {@link Registrations#PASSWORD}, the password of the members {@code Flows} makes, and
     * waits until the browser has left the login page: a refused login fails here.
     */
    void login(String email) {
        submitLogin("/login?lang=en", email, Registrations.PASSWORD);
        new WebDriverWait(browser, FIND).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * Logs in from the login page as it comes (in the browser's or the remembered language) and waits for the answer:
     * another page, or the login page again with the reason when the login is refused.
     */
    void login(String email, String password) {
        submitLogin("/login", email, password);
        new WebDriverWait(browser, FIND).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    /** Logs out and waits for the logged-out page, so that the next step never races the logout. */
    void logout() {
        nav("nav-logout");
        new WebDriverWait(browser, FIND).until(d -> !d.findElements(By.id("nav-login")).isEmpty());
    }

    /**
     * Follows a link of the top menu by its id, as a user does: below 992 px the menu is first opened with its
     * toggler, and a link inside a group (Buy, Sell, Sales, Money, Administration, the user menu) is reached by
     * opening its group's dropdown first.
     */
    void nav(String id) {
        WebElement link = new WebDriverWait(browser, FIND).until(d -> d.findElement(By.id(id)));
        if (!link.isDisplayed()) {
            JavascriptExecutor js = (JavascriptExecutor) browser;
            WebElement toggler = browser.findElement(By.cssSelector(".app-nav .navbar-toggler"));
            Boolean collapsed = (Boolean) js.executeScript("var c = arguments[0].closest('.navbar-collapse');"
                    + " return c != null && !c.classList.contains('show');", link);
            if (toggler.isDisplayed() && Boolean.TRUE.equals(collapsed)) {
                click(toggler);
            }
            WebElement group = (WebElement) js.executeScript("var d = arguments[0].closest('.dropdown');"
                    + " return d == null ? null : d.querySelector('[data-bs-toggle=dropdown]');", link);
            if (group != null) {
                new WebDriverWait(browser, FIND).until(ExpectedConditions.elementToBeClickable(group));
                click(group);
            }
            new WebDriverWait(browser, FIND).until(ExpectedConditions.visibilityOf(link));
        }
        click(link);
    }

    /** Opens a path of the platform, e.g. {@code /procedures?lang=en}. */
    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Replaces the value of the field with this id. */
    void type(String id, String value) {
        type(By.id(id), value);
    }

    void type(By by, String value) {
        WebElement field = new WebDriverWait(browser, FIND).until(d -> d.findElement(by));
        field.clear();
        field.sendKeys(value);
    }

    void click(By by) {
        WebElement element = new WebDriverWait(browser, FIND).until(d -> d.findElement(by));
        click(element);
    }

    /** Clicks like a user who scrolled to the element first (long forms put buttons below the fold). */
    void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    /** Clicks a button that submits a form and waits until the browser has replaced the page with the answer. */
    void submit(By by) {
        WebElement before = browser.findElement(By.tagName("html"));
        click(by);
        new WebDriverWait(browser, READ).until(ExpectedConditions.stalenessOf(before));
    }

    /**
     * Clicks a button whose form asks first (data-confirm), confirms in the dialog and waits until the browser has
     * replaced the page with the answer; answers the question the dialog asked.
     */
    String submitConfirmed(By by) {
        WebElement before = browser.findElement(By.tagName("html"));
        click(by);
        String question = confirm();
        new WebDriverWait(browser, READ).until(ExpectedConditions.stalenessOf(before));
        return question;
    }

    /** Answers the open confirmation dialog with its confirming button; answers the question it asked. */
    String confirm() {
        WebElement ok = new WebDriverWait(browser, FIND)
                .until(ExpectedConditions.elementToBeClickable(By.id("confirm-dialog-ok")));
        String question = browser.findElement(By.id("confirm-dialog-text")).getText();
        ok.click();
        return question;
    }

    /** Goes back from the open confirmation dialog with Escape and waits until it has closed. */
    String cancelConfirmation() {
        WebElement dialog = new WebDriverWait(browser, FIND)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        String question = browser.findElement(By.id("confirm-dialog-text")).getText();
        new WebDriverWait(browser, FIND).until(ExpectedConditions.elementToBeClickable(By.id("confirm-dialog-ok")));
        dialog.sendKeys(Keys.ESCAPE);
        new WebDriverWait(browser, FIND).until(ExpectedConditions.invisibilityOf(dialog));
        return question;
    }

    /**
     * The text of the element once it is on the page (read again if the page was replaced meanwhile), as a person
     * reads it: the no-break spaces that keep "1 234,00 ₽" on one line are spaces.
     */
    String text(By by) {
        return new WebDriverWait(browser, READ).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(by).getText().replace('\u00a0', ' '));
    }

    /** The English text of a message key. */
    String message(String key) {
        return message(key, "en");
    }

    /** The text of a message key in a language, e.g. {@code ru}. */
    String message(String key, String language) {
        return messages.getMessage(key, null, Locale.forLanguageTag(language));
    }

    private void submitLogin(String loginPage, String email, String password) {
        open(loginPage);
        type("email", email);
        type("password", password);
        click(By.id("login-submit"));
    }
}
