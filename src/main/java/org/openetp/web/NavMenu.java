package org.openetp.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The navigation bar's menu (UI.md's groups), built once per role set, language and context path and then kept. The
 * layout renders every page's menu from these ready lists instead of evaluating some forty conditions, message
 * lookups and link expressions per request (the one fragment every page renders: issue 16's profile). The menu holds
 * no one's data: the organizations a user administers are added by the layout from the page's own {@code nav}.
 */
@Component
class NavMenu {

    /** One link: its element id (kept stable for the tests and the walk), its address and its text. */
    record Item(String id, String href, String label) {
    }

    /** A dropdown group; {@code organizations}: the Administration group, which lists administered organizations first. */
    record Group(String id, String label, List<Item> items, boolean organizations) {
    }

    /** The links shown outside any group, then the groups. */
    record Menu(List<Item> top, List<Group> groups) {
    }

    /** What the menu depends on: the role flags of {@link NavigationAdvice.Nav}, the language and the context path. */
    record Key(boolean signedIn, boolean buyer, boolean committee, boolean supplier, boolean sales,
            boolean admin, boolean operator, boolean member, Locale locale, String contextPath) {
    }

    /** Role flags × 3 languages make a few hundred keys; a bound keeps odd locales from growing the map. */
    private static final int MAX_KEPT = 2_000;

    private final MessageSource messages;
    private final Map<Key, Menu> kept = new ConcurrentHashMap<>();

    NavMenu(MessageSource messages) {
        this.messages = messages;
    }

    Menu menu(Key key) {
        Menu menu = kept.get(key);
        if (menu == null) {
            menu = build(key);
            if (kept.size() < MAX_KEPT) {
                kept.putIfAbsent(key, menu);
            }
        }
        return menu;
    }

    private Menu build(Key k) {
        Builder b = new Builder(k);
        List<Item> top = new ArrayList<>();
        top.add(b.item("nav-catalogue", "/procedures", "nav.catalogue"));
        if (!k.signedIn()) {
            top.add(b.item("nav-classifier", "/classifier", "nav.classifier"));
            top.add(b.item("nav-tariffs", "/tariffs", "nav.tariffs"));
            top.add(b.item("nav-open-data", "/open-data", "opendata.menu"));
            return new Menu(List.copyOf(top), List.of());
        }
        boolean buy = k.buyer() || k.committee();
        List<Group> groups = new ArrayList<>();
        if (buy) {
            groups.add(b.group("nav-group-buy", "nav.group.buy", false,
                    b.item("nav-my-procedures", "/procedures/mine", "nav.myProcedures"),
                    k.buyer() ? b.item("nav-new-procedure", "/procedures/new", "procedures.new") : null,
                    b.item("nav-contracts", "/contracts", "contracts.title"),
                    b.item("nav-loyalty", "/loyalty", "nav.loyalty"),
                    b.item("nav-buy-classifier", "/classifier", "nav.classifier"),
                    b.item("nav-analytics", "/analytics", "nav.analytics")));
        }
        if (k.supplier()) {
            groups.add(b.group("nav-group-sell", "nav.group.sell", false,
                    b.item("nav-my-bids", "/bids/mine", "myBids.title"),
                    buy ? null : b.item("nav-sell-contracts", "/contracts", "contracts.title"),
                    b.item("nav-loyalty-programs", "/loyalty/programs", "loyalty.programs.title"),
                    b.item("nav-tariffs", "/tariffs", "nav.tariffs"),
                    buy ? null : b.item("nav-sell-classifier", "/classifier", "nav.classifier"),
                    buy ? null : b.item("nav-analytics", "/analytics", "nav.analytics")));
        }
        if (k.sales()) {
            groups.add(b.group("nav-group-sales", "nav.group.sales", false,
                    b.item("nav-crm", "/crm", "nav.crm"),
                    b.item("nav-crm-board", "/crm/board", "crm.tab.board"),
                    b.item("nav-crm-accounts", "/crm/accounts", "crm.tab.accounts"),
                    b.item("nav-crm-market", "/crm/market", "crm.tab.market")));
        }
        if (k.operator() || k.member()) {
            groups.add(money(b, k));
        }
        if (k.operator() || k.admin()) {
            groups.add(administration(b, k, buy));
        }
        return new Menu(List.copyOf(top), List.copyOf(groups));
    }

    private static Group money(Builder b, Key k) {
        return b.group("nav-group-money", "nav.group.money", false,
                k.member() ? b.item("nav-money", "/money", "nav.moneyAccount") : null,
                k.admin() ? b.item("nav-subscriptions", "/subscriptions", "nav.subscriptions") : null,
                k.operator() ? b.item("nav-operator-accounts", "/operator/accounts", "nav.operatorAccounts") : null,
                k.operator() ? b.item("nav-operator-billing", "/operator/invoices", "nav.operatorBilling") : null,
                k.operator() ? b.item("nav-operator-tariffs", "/operator/tariffs", "operatorTariffs.title") : null,
                k.operator() ? b.item("nav-operator-guarantees", "/operator/guarantees", "nav.guarantees") : null);
    }

    private static Group administration(Builder b, Key k, boolean buy) {
        boolean op = k.operator();
        return b.group("nav-group-admin", "nav.group.admin", true,
                op ? b.item("nav-operator-organizations", "/operator/organizations", "orgregister.title") : null,
                op ? b.item("nav-accreditation", "/operator/accreditation", "nav.accreditation") : null,
                op ? b.item("nav-audit", "/operator/audit", "nav.audit") : null,
                op ? b.item("nav-synonyms", "/operator/classifier/synonyms", "synonyms.title") : null,
                op && !buy && !k.supplier() ? b.item("nav-analytics", "/analytics", "nav.analytics") : null);
    }

    /** Resolves texts in the key's language and prefixes the context path, as the layout's {@code @{…}} did. */
    private final class Builder {
        private final Key key;

        Builder(Key key) {
            this.key = key;
        }

        Item item(String id, String path, String messageKey) {
            return new Item(id, key.contextPath() + path, messages.getMessage(messageKey, null, key.locale()));
        }

        /** {@code items} may hold nulls (links this role set does not see); they are left out. */
        Group group(String id, String messageKey, boolean organizations, Item... items) {
            return new Group(id, messages.getMessage(messageKey, null, key.locale()),
                    Arrays.stream(items).filter(Objects::nonNull).toList(), organizations);
        }
    }
}
