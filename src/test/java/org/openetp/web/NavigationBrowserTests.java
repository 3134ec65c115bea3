package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openetp.identity.Identity;
import org.openetp.identity.NewUser;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.support.Api;
import org.openetp.support.DirectMembers;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.openetp.support.TestIdentifiers;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The top menu (issue 16, UI.md convention 1) for each kind of user the demo has — a visitor, a founder holding every
 * role, a supplier, a committee member, a sales manager and the operator — at 1366×900 and 390×844 in en, ru and th:
 * the page is no wider than the window, the menu is one row on a laptop, the language switch and the user menu can be
 * opened and stay inside the window, and the groups shown are those of the user's roles.
 */
class NavigationBrowserTests extends BrowserTest {

    private static final List<String> LANGUAGES = List.of("en", "ru", "th");

    @Autowired
    Identity identity;

    @Autowired
    Organizations organizations;

    @Test
    void eachRoleSeesItsGroupsAndTheMenuFitsALaptopAndAPhoneInEveryLanguage() {
        Flows flows = new Flows(new Api(port));
        Flows.Member founder = flows.accreditedMember();
        String supplier = memberOf(founder, "Supplier", Role.SUPPLIER);
        String committee = memberOf(founder, "Committee", Role.COMMITTEE_MEMBER);
        String sales = memberOf(founder, "Sales", Role.SALES_MANAGER);

        check(null, Set.of());
        check(founder.email(), Set.of("buy", "sell", "sales", "money", "admin"));
        check(supplier, Set.of("sell", "sales", "money"));
        check(committee, Set.of("buy", "money"));
        check(sales, Set.of("sales", "money"));
        page.login(Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        checkPages(Set.of("money", "admin"), true);
        page.logout();
    }

    @Test
    void aLinkInAGroupIsReachedOnAPhoneThroughTheToggler() {
        Flows.Member founder = new Flows(new Api(port)).accreditedMember();
        page.login(founder.email());
        browser.manage().window().setSize(new Dimension(390, 844));
        page.open("/procedures?lang=th");
        page.nav("nav-contracts");
        assertThat(browser.getCurrentUrl()).contains("/contracts");
        page.logout();
    }

    private void check(@Nullable String email, Set<String> groups) {
        if (email != null) {
            page.login(email);
        }
        checkPages(groups, email != null);
        if (email != null) {
            page.logout();
        }
    }

    private void checkPages(Set<String> groups, boolean signedIn) {
        for (String language : LANGUAGES) {
            for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
                String where = language + " at " + size.getWidth() + " px";
                browser.manage().window().setSize(size);
                // Pages of the frame itself (the account page, the login page): other pages' content is the walk's.
                page.open((signedIn ? "/account" : "/login") + "?lang=" + language);
                assertThat(number("return document.documentElement.scrollWidth - window.innerWidth;"))
                        .as("horizontal overflow, %s: %s", where, widest()).isLessThanOrEqualTo(0);
                assertThat(number("return Array.from(document.querySelectorAll('.app-nav *'))"
                        + ".map(e => e.getBoundingClientRect().right).reduce((a, b) => Math.max(a, b), 0)"
                        + " - window.innerWidth;")).as("the menu inside the window, %s", where).isLessThanOrEqualTo(0);
                assertThat(groupsShown()).as("groups, %s", where).isEqualTo(groups);
                if (size.getWidth() == 1366) {
                    assertThat(number("return document.querySelector('.app-nav').offsetHeight;"))
                            .as("the menu in one row, %s", where).isLessThan(80);
                }
                assertOpensInside("nav-language-toggle", "lang-th", where);
                assertOpensInside(signedIn ? "nav-user-toggle" : "nav-login", signedIn ? "nav-logout" : null, where);
            }
        }
        // ?lang= is also the user's stored choice, and the shared operator's pages are read in English elsewhere.
        page.open((signedIn ? "/account" : "/login") + "?lang=en");
    }

    /** What sticks out of the window, to name it when the page is too wide. */
    private Object widest() {
        return ((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth)"
                + ".map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 8).join(' | ');");
    }

    /** The groups in the page's menu, by the end of their ids (buy, sell, sales, money, admin). */
    private Set<String> groupsShown() {
        return browser.findElements(By.cssSelector(".app-nav [id^=nav-group-]")).stream()
                .map(e -> e.getAttribute("id").substring("nav-group-".length())).collect(Collectors.toSet());
    }

    /** The control is on screen inside the window; clicking it shows {@code item} inside the window too. */
    private void assertOpensInside(String control, @Nullable String item, String where) {
        WebElement toggle = browser.findElement(By.id(control));
        assertThat(toggle.isDisplayed()).as("%s shown, %s", control, where).isTrue();
        assertThat(inside(toggle)).as("%s inside the window, %s", control, where).isTrue();
        if (item != null) {
            toggle.click();
            WebElement shown = browser.findElement(By.id(item));
            assertThat(shown.isDisplayed()).as("%s shown, %s", item, where).isTrue();
            assertThat(inside(shown)).as("%s inside the window, %s", item, where).isTrue();
            toggle.click();
        }
    }

    private boolean inside(WebElement element) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth;",
                element);
    }

    private long number(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    /** A user of the founder's organization holding only this role. */
    private String memberOf(Flows.Member founder, String who, Role role) {
        String email = TestIdentifiers.email(who.toLowerCase());
        identity.registerConfirmed(new NewUser(who + " " + UUID.randomUUID().toString().substring(0, 4), email,
                "+7 900 000-00-00", who, Registrations.PASSWORD, "en"), false);
        organizations.addMember(DirectMembers.user(identity, founder.email()),
                new OrganizationId(UUID.fromString(founder.organizationId())), email, EnumSet.of(role));
        return email;
    }
}
