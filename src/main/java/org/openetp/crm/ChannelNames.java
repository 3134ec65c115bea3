package org.openetp.crm;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A channel's name in the reader's language (the request's locale), for the views that give it beside its code. */
@Component
class ChannelNames {

    private final MessageSource messages;

    ChannelNames(MessageSource messages) {
        this.messages = messages;
    }

    String label(String channel) {
        return messages.getMessage("crm.channel." + channel, null, channel, LocaleContextHolder.getLocale());
    }

    CrmViews.AccountView labelled(CrmViews.AccountView account) {
        return account.labelled(this::label);
    }
}
