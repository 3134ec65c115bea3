package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The navigation menu built once per role set and language (issue 16), with the links each role set sees. */
class NavMenuTest {

    private final NavMenu menus = new NavMenu(messages());

    @Test
    void aRoleSetAndLanguageGetTheSameReadyMenuEveryTime() {
        NavMenu.Key key = key(true, false, false, false, Locale.ENGLISH);

        assertThat(menus.menu(key)).isSameAs(menus.menu(key(true, false, false, false, Locale.ENGLISH)));
        assertThat(menus.menu(key(true, false, false, false, Locale.of("ru")))).isNotSameAs(menus.menu(key));
    }

    @Test
    void textsAreInTheKeysLanguageAndLinksCarryTheContextPath() {
        NavMenu.Menu ru = menus.menu(new NavMenu.Key(false, false, false, false, false, false, false, false,
                Locale.of("ru"), "/etp"));

        assertThat(ru.top()).first().isEqualTo(new NavMenu.Item("nav-catalogue", "/etp/procedures", "Процедуры"));
        assertThat(ids(ru.top())).containsExactly("nav-catalogue", "nav-classifier", "nav-tariffs", "nav-open-data");
        assertThat(ru.groups()).isEmpty();
    }

    @Test
    void aBuyerWhoAlsoSellsSeesContractsAndAnalyticsOnlyUnderBuy() {
        NavMenu.Menu menu = menus.menu(key(true, true, false, false, Locale.ENGLISH));

        assertThat(menu.groups()).extracting(NavMenu.Group::id)
                .containsExactly("nav-group-buy", "nav-group-sell", "nav-group-sales", "nav-group-money");
        assertThat(ids(menu.groups().get(0).items())).containsExactly("nav-my-procedures", "nav-new-procedure",
                "nav-contracts", "nav-loyalty", "nav-buy-classifier", "nav-analytics");
        assertThat(ids(menu.groups().get(1).items()))
                .containsExactly("nav-my-bids", "nav-loyalty-programs", "nav-tariffs");
        assertThat(ids(menu.top())).containsExactly("nav-catalogue");
    }

    @Test
    void theOperatorSeesPlatformLinksAndTheAdministrationGroupListsOrganizationsFirst() {
        NavMenu.Menu menu = menus.menu(key(false, false, true, false, Locale.ENGLISH));

        assertThat(menu.groups()).extracting(NavMenu.Group::id).containsExactly("nav-group-money", "nav-group-admin");
        assertThat(ids(menu.groups().get(0).items())).containsExactly("nav-operator-accounts",
                "nav-operator-billing", "nav-operator-tariffs", "nav-operator-guarantees");
        NavMenu.Group admin = menu.groups().get(1);
        assertThat(admin.organizations()).isTrue();
        assertThat(ids(admin.items())).containsExactly("nav-operator-organizations", "nav-accreditation",
                "nav-audit", "nav-synonyms", "nav-analytics");
    }

    /** A signed-in user with the given roles; {@code member}: belongs to an organization. */
    private static NavMenu.Key key(boolean buyer, boolean supplier, boolean operator, boolean admin, Locale locale) {
        boolean member = buyer || supplier || admin;
        return new NavMenu.Key(true, buyer, false, supplier, supplier, admin, operator, member, locale, "");
    }

    private static List<String> ids(List<NavMenu.Item> items) {
        return items.stream().map(NavMenu.Item::id).toList();
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        messages.addMessage("nav.catalogue", Locale.of("ru"), "Процедуры");
        return messages;
    }
}
