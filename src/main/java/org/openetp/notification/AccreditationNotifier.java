package org.openetp.notification;

import java.util.List;
import java.util.Locale;
import org.openetp.identity.Identity;
import org.openetp.identity.UserSummary;
import org.openetp.organization.OrganizationAccredited;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationRejected;
import org.openetp.organization.Organizations;
import org.openetp.shared.PublicUrl;
import org.openetp.shared.mail.Mail;
import org.openetp.shared.mail.Mailer;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails an organization's admins the operator's accreditation decision, in each admin's language. Runs after the
 * decision commits; the event publication registry retries it if mail recording fails.
 */
@Component
class AccreditationNotifier {

    private final Organizations organizations;
    private final Identity identity;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicUrl publicUrl;

    AccreditationNotifier(Organizations organizations, Identity identity, Mailer mailer, MessageSource messages,
            PublicUrl publicUrl) {
        this.organizations = organizations;
        this.identity = identity;
        this.mailer = mailer;
        this.messages = messages;
        this.publicUrl = publicUrl;
    }

    @ApplicationModuleListener
    void on(OrganizationAccredited event) {
        notifyAdmins(event.organization(), "mail.accredited", "");
    }

    @ApplicationModuleListener
    void on(OrganizationRejected event) {
        notifyAdmins(event.organization(), "mail.rejected", event.reason());
    }

    private void notifyAdmins(OrganizationId organization, String key, String reason) {
        String link = publicUrl.to("/organizations/" + organization);
        List<UserSummary> admins = organizations.admins(organization).stream()
                .flatMap(id -> identity.find(id).stream()).toList();
        for (UserSummary admin : admins) {
            Locale locale = admin.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(admin.locale());
            Object[] args = {admin.fullName(), link, reason};
            mailer.send(new Mail(admin.email(), messages.getMessage(key + ".subject", args, locale),
                    messages.getMessage(key + ".body", args, locale), List.of(link)));
        }
    }
}
