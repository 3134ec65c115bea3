package org.openetp.notification.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.notification.NewSearch;
import org.openetp.notification.Notifications;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Notify me of new procedures like these" on the catalogue: saves the catalogue's current filters (keyword,
 * category, region, kind, price range) as the user's saved search, with the same checks as the Notifications page,
 * and goes back to the same results.
 */
@Controller
class CatalogueSearchController {

    /** The catalogue filters a saved search keeps; the others (status, deadlines, sort) mean nothing for new ones. */
    static final List<String> KEPT = List.of("q", "category", "region", "kind", "priceFrom", "priceTo");

    private final Notifications notifications;

    CatalogueSearchController(Notifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping("/notifications/searches/from-catalogue")
    String save(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        try {
            notifications.saveSearch(user.id(), new NewSearch(form.get("q"), form.get("category"),
                    form.get("region"), form.get("kind"), price("priceFrom", form.get("priceFrom")),
                    price("priceTo", form.get("priceTo"))));
            redirect.addFlashAttribute("info", "home.subscribe.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().messageKey());
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/procedures");
        for (String key : KEPT) {
            String value = form.get(key);
            if (value != null && !value.isBlank() && value.length() <= 200) {
                back.queryParam(key, value.strip());
            }
        }
        return "redirect:" + back.build().encode().toUriString();
    }

    private static @Nullable BigDecimal price(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "search.price.invalid");
        }
    }
}
