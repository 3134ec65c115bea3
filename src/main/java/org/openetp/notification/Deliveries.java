package org.openetp.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.openetp.identity.Identity;
import org.openetp.identity.UserId;
import org.openetp.identity.UserSummary;
import org.openetp.shared.PublicUrl;
import org.openetp.shared.mail.Mail;
import org.openetp.shared.mail.Mailer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Delivers a notice to people: once per person and occurrence, in the person's language, in the inbox and by
 * e-mail as the person chose for the kind. Runs inside the calling listener's transaction, so the inbox rows and
 * the recorded mails commit together or, for a retry, not at all.
 */
@Component
class Deliveries {

    private final Identity identity;
    private final PreferenceRepository preferences;
    private final NotificationRepository notifications;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicUrl publicUrl;
    private final Clock clock;

    Deliveries(Identity identity, PreferenceRepository preferences, NotificationRepository notifications,
            Mailer mailer, MessageSource messages, PublicUrl publicUrl, Clock clock) {
        this.identity = identity;
        this.preferences = preferences;
        this.notifications = notifications;
        this.mailer = mailer;
        this.messages = messages;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    void deliver(Collection<UserId> recipients, Notice notice) {
        Instant now = clock.instant();
        for (UserId recipient : new LinkedHashSet<>(recipients)) {
            // An address nobody confirmed may not be its owner's: tell nobody through it.
            UserSummary user = identity.find(recipient).filter(UserSummary::confirmed).orElse(null);
            if (user == null) {
                continue;
            }
            Channels channels = preferences.of(recipient, notice.kind());
            if (!channels.inApp() && !channels.email()) {
                continue;
            }
            Locale locale = user.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(user.locale());
            Object[] args = notice.args().toArray();
            String title = messages.getMessage(notice.key() + ".title", args, locale);
            String body = messages.getMessage(notice.key() + ".body", args, locale);
            if (notifications.insertOnce(recipient, notice, title, body, channels, now) && channels.email()) {
                String link = publicUrl.to(notice.link());
                Object[] mailArgs = {user.fullName(), body, link, publicUrl.to("/notifications")};
                mailer.send(new Mail(user.email(), title,
                        messages.getMessage("notification.mail.body", mailArgs, locale), List.of(link)));
            }
        }
    }
}
