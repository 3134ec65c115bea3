package org.openetp.notification.web;

import java.util.List;
import java.util.UUID;
import org.openetp.identity.CurrentUser;
import org.openetp.notification.NewSearch;
import org.openetp.notification.Notifications;
import org.openetp.notification.SavedSearch;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's saved searches (SPEC §5.8 subscriptions) over the API. */
@RestController
@RequestMapping("/api/v1/subscriptions/searches")
class SubscriptionApiController {

    private final Notifications notifications;

    SubscriptionApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SavedSearch save(@AuthenticationPrincipal CurrentUser user, @RequestBody NewSearch body) {
        return notifications.saveSearch(user.id(), body);
    }

    @GetMapping
    List<SavedSearch> list(@AuthenticationPrincipal CurrentUser user) {
        return notifications.searches(user.id());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        notifications.deleteSearch(user.id(), id);
    }
}
