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
 * Delivers a notice to people: once per person and occurrence, in the inbox (as key and arguments, shown in the
 * reader's language of the moment) and by e-mail in the person's stored language, as the person chose for the kind. Runs inside the calling listener's transaction, so the inbox rows and
 * the recorded mails commit together or, for a retry, not at all.
 */
@Component
class Deliveries {

    private final Identity identity;
    private final PreferenceRepository preferences;
    private final NotificationRepository notifications;
    private final Mailer mailer;
    private final MessageSource messages;
    private final NoticeText texts;
    private final PublicUrl publicUrl;
    private final Clock clock;

    Deliveries(Identity identity, PreferenceRepository preferences, NotificationRepository notifications,
            Mailer mailer, MessageSource messages, NoticeText texts, PublicUrl publicUrl, Clock clock) {
        this.identity = identity;
        this.preferences = preferences;
        this.notifications = notifications;
        this.mailer = mailer;
        this.messages = messages;
        this.texts = texts;
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
            // The text in the recipient's language is the e-mail, and stays with the row as the text to show
            // should its key ever leave the bundles; the inbox renders key and arguments for each reading.
            NoticeText.Rendered text = texts.render(notice.key(), notice.args(), locale);
            String title = text.title();
            String body = text.body();
            if (notifications.insertOnce(recipient, notice, text, channels, now) && channels.email()) {
                String link = publicUrl.to(notice.link());
                Object[] mailArgs = {user.fullName(), body, link, publicUrl.to("/notifications")};
                mailer.send(new Mail(user.email(), title,
                        messages.getMessage("notification.mail.body", mailArgs, locale), List.of(link)));
            }
        }
    }
}
