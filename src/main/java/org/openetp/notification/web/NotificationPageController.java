package org.openetp.notification.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Category;
import org.openetp.classifier.Classifier;
import org.openetp.classifier.Region;
import org.openetp.identity.CurrentUser;
import org.openetp.notification.ChannelChoice;
import org.openetp.notification.NewSearch;
import org.openetp.notification.NotificationKind;
import org.openetp.notification.Notifications;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.ProcedureKind;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's notifications page: the inbox, the channels per kind and the saved searches. */
@Controller
class NotificationPageController {

    private static final int PAGE_SIZE = 20;

    private final Notifications notifications;
    private final Organizations organizations;
    private final Classifier classifier;

    NotificationPageController(Notifications notifications, Organizations organizations, Classifier classifier) {
        this.notifications = notifications;
        this.organizations = organizations;
        this.classifier = classifier;
    }

    @GetMapping("/notifications")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
            Locale locale, Model model) {
        List<Category> categories = classifier.all(locale);
        model.addAttribute("inbox", notifications.inbox(user.id(), page, PAGE_SIZE, locale));
        model.addAttribute("preferences", notifications.preferences(user.id()));
        model.addAttribute("searches", notifications.searches(user.id()));
        model.addAttribute("supplier", organizations.membershipsOf(user.id()).stream()
                .anyMatch(m -> m.has(Role.SUPPLIER)));
        model.addAttribute("procedureKinds", ProcedureKind.values());
        model.addAttribute("categories", categories);
        model.addAttribute("categoryNames", categories.stream()
                .collect(Collectors.toMap(Category::code, Category::name)));
        List<Region> regions = classifier.regions(locale);
        model.addAttribute("regions", regions);
        model.addAttribute("regionNames", regions.stream().collect(Collectors.toMap(Region::code, Region::name)));
        return "notification/list";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page) {
        notifications.markRead(user.id(), id);
        return "redirect:/notifications?page=" + Math.max(0, page);
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        notifications.markAllRead(user.id());
        redirect.addFlashAttribute("info", "notifications.allRead");
        return "redirect:/notifications";
    }

    /** The form sends the kinds ticked per channel; a kind not ticked is off on that channel. */
    @PostMapping("/notifications/preferences")
    String choose(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(name = "inApp", required = false) @Nullable List<String> inApp,
            @RequestParam(name = "email", required = false) @Nullable List<String> email,
            RedirectAttributes redirect) {
        List<String> app = inApp == null ? List.of() : inApp;
        List<String> mail = email == null ? List.of() : email;
        notifications.choose(user.id(), Arrays.stream(NotificationKind.values())
                .map(k -> new ChannelChoice(k, app.contains(k.name()), mail.contains(k.name()))).toList());
        redirect.addFlashAttribute("info", "notifications.preferences.saved");
        return "redirect:/notifications#preferences";
    }

    @PostMapping("/notifications/searches")
    String save(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        try {
            notifications.saveSearch(user.id(), new NewSearch(form.get("q"), form.get("category"),
                    form.get("region"), form.get("kind"), price("priceFrom", form.get("priceFrom")),
                    price("priceTo", form.get("priceTo"))));
            redirect.addFlashAttribute("info", "searches.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().getFirst().messageKey());
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/notifications#searches";
    }

    @PostMapping("/notifications/searches/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        notifications.deleteSearch(user.id(), id);
        redirect.addFlashAttribute("info", "searches.deleted");
        return "redirect:/notifications#searches";
    }

    // A stale or foreign id gets the same page as any unknown address.
    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
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
