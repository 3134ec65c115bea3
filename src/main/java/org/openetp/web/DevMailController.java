package org.openetp.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.mail.Mailer;
import org.openetp.shared.mail.OutboxEntry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The dev profile's mail outbox (SPEC §1.4): with no SMTP server a developer still reads confirmation links.
 * Only exists when {@code openetp.dev-outbox} is on, never in production.
 */
@Controller
@ConditionalOnProperty(name = "openetp.dev-outbox", havingValue = "true")
class DevMailController {

    private final Mailer mailer;

    DevMailController(Mailer mailer) {
        this.mailer = mailer;
    }

    @GetMapping("/api/v1/dev/mail")
    @ResponseBody
    List<OutboxEntry> outbox(@RequestParam(required = false) @Nullable String to) {
        return mailer.recent(100, to);
    }

    @GetMapping("/dev/mail")
    String page(@RequestParam(required = false) @Nullable String to, Model model) {
        model.addAttribute("mails", mailer.recent(100, to == null || to.isBlank() ? null : to.strip()));
        return "dev/mail";
    }
}
