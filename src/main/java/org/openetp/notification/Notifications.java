package org.openetp.notification;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Classifier;
import org.openetp.identity.UserId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.ProcedureKind;
import org.openetp.shared.FieldError;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in user does with notifications: read the own inbox, choose channels per kind, manage saved
 * searches. Every method works on the caller's own rows only.
 */
@Service
public class Notifications {

    private static final int MAX_PAGE_SIZE = 100;
    /** Keeps matching a new procedure cheap; the limit is spelled out in {@code search.tooMany}. */
    private static final int MAX_SEARCHES = 50;

    private final NotificationRepository notifications;
    private final PreferenceRepository preferences;
    private final SavedSearchRepository searches;
    private final Organizations organizations;
    private final Classifier classifier;
    private final NoticeText texts;
    private final Clock clock;

    Notifications(NotificationRepository notifications, PreferenceRepository preferences,
            SavedSearchRepository searches, Organizations organizations, Classifier classifier, NoticeText texts,
            Clock clock) {
        this.texts = texts;
        this.notifications = notifications;
        this.preferences = preferences;
        this.searches = searches;
        this.organizations = organizations;
        this.classifier = classifier;
        this.clock = clock;
    }

    /** A page of the user's inbox, each notice rendered in {@code locale}: the language the user reads in now. */
    @Transactional(readOnly = true)
    public InboxPage inbox(UserId user, int page, int size, Locale locale) {
        int p = Math.max(0, page);
        int s = Math.clamp(size, 1, MAX_PAGE_SIZE);
        List<InboxItem> items = notifications.inbox(user, p, s).stream().map(n -> item(n, locale)).toList();
        return new InboxPage(items, notifications.count(user), p, s, notifications.unread(user));
    }

    private InboxItem item(NotificationRepository.StoredNotice n, Locale locale) {
        NoticeText.Rendered text = n.key() == null ? null : texts.renderIfKnown(n.key(), n.args(), locale);
        return new InboxItem(n.id(), n.kind(), n.key(), text == null ? n.title() : text.title(),
                text == null ? n.body() : text.body(), n.link(), n.createdAt(), n.readAt());
    }

    /** Marks one of the user's notifications read; another user's, like an unknown one, is "not found". */
    @Transactional
    public void markRead(UserId user, UUID id) {
        if (!notifications.markRead(user, id, clock.instant())) {
            throw new NotFoundException("Notification");
        }
    }

    @Transactional
    public void markAllRead(UserId user) {
        notifications.markAllRead(user, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<Channels> preferences(UserId user) {
        return preferences.of(user);
    }

    /** Stores the channels of the kinds given (the others keep theirs) and answers with every kind. */
    @Transactional
    public List<Channels> choose(UserId user, List<ChannelChoice> choices) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i) == null || choices.get(i).kind() == null) {
                errors.add(new FieldError("[" + i + "].kind", "field.required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        for (ChannelChoice choice : choices) {
            Channels current = preferences.of(user, choice.kind());
            preferences.save(user, new Channels(choice.kind(),
                    choice.inApp() == null ? current.inApp() : choice.inApp(),
                    choice.email() == null ? current.email() : choice.email()));
        }
        return preferences.of(user);
    }

    @Transactional(readOnly = true)
    public List<SavedSearch> searches(UserId user) {
        return searches.of(user);
    }

    /** Saves a search for a supplier; every invalid field is reported at once and nothing is stored. */
    @Transactional
    public SavedSearch saveSearch(UserId user, NewSearch form) {
        if (organizations.membershipsOf(user).stream().noneMatch(m -> m.has(Role.SUPPLIER))) {
            throw new ForbiddenException("organization.role.missing");
        }
        List<FieldError> errors = new ArrayList<>();
        String q = optional(form.q());
        if (q != null && q.length() > 200) {
            errors.add(new FieldError("q", "field.tooLong"));
        }
        String category = optional(form.category());
        if (category != null && !classifier.unknownCategories(List.of(category)).isEmpty()) {
            errors.add(new FieldError("category", "category.unknown"));
        }
        String region = optional(form.region());
        if (region != null && !classifier.regionExists(region)) {
            errors.add(new FieldError("region", "region.unknown"));
        }
        ProcedureKind kind = kind(errors, optional(form.kind()));
        checkPrice(errors, "priceFrom", form.priceFrom());
        checkPrice(errors, "priceTo", form.priceTo());
        if (form.priceFrom() != null && form.priceTo() != null && form.priceFrom().compareTo(form.priceTo()) > 0) {
            errors.add(new FieldError("priceTo", "search.price.range"));
        }
        if (q == null && category == null && region == null && kind == null && form.priceFrom() == null
                && form.priceTo() == null) {
            errors.add(new FieldError("q", "search.empty"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (searches.count(user) >= MAX_SEARCHES) {
            throw new RuleViolationException("search.tooMany");
        }
        SavedSearch search = new SavedSearch(UUID.randomUUID(), q, category, region, kind, form.priceFrom(),
                form.priceTo(), clock.instant());
        searches.insert(user, search);
        return search;
    }

    @Transactional
    public void deleteSearch(UserId user, UUID id) {
        if (!searches.delete(user, id)) {
            throw new NotFoundException("Saved search");
        }
    }

    private static @Nullable String optional(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable ProcedureKind kind(List<FieldError> errors, @Nullable String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return ProcedureKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "procedure.kind.unknown"));
            return null;
        }
    }

    private static void checkPrice(List<FieldError> errors, String field, @Nullable BigDecimal price) {
        if (price != null && (price.signum() < 0 || price.scale() > 2 || price.precision() - price.scale() > 17)) {
            errors.add(new FieldError(field, "search.price.invalid"));
        }
    }
}
