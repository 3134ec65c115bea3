package org.openetp.notification.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openetp.identity.CurrentUser;
import org.openetp.notification.ChannelChoice;
import org.openetp.notification.Channels;
import org.openetp.notification.InboxPage;
import org.openetp.notification.Notifications;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications and channel choices over the API. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {

    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** Newest first; {@code page} counts from 0; texts in the request's language (Accept-Language). */
    @GetMapping
    InboxPage inbox(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Locale locale) {
        return notifications.inbox(user.id(), page, size, locale);
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        notifications.markRead(user.id(), id);
    }

    @PostMapping("/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void readAll(@AuthenticationPrincipal CurrentUser user) {
        notifications.markAllRead(user.id());
    }

    @GetMapping("/preferences")
    List<Channels> preferences(@AuthenticationPrincipal CurrentUser user) {
        return notifications.preferences(user.id());
    }

    @PutMapping("/preferences")
    List<Channels> choose(@AuthenticationPrincipal CurrentUser user, @RequestBody List<ChannelChoice> choices) {
        return notifications.choose(user.id(), choices);
    }
}
