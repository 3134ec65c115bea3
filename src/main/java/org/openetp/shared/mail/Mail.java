package org.openetp.shared.mail;

import java.util.List;

/** An e-mail to one recipient; {@code links} repeats the actionable links of the body for the dev outbox API. */
public record Mail(String to, String subject, String body, List<String> links) {

    public Mail {
        links = List.copyOf(links);
    }
}
