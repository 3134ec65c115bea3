package org.openetp.procurement.web;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.procurement.Protocol;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A protocol's own page (issue 17): the stored original shown within the site's layout, with its hash, signature and
 * PDF copy. Visible exactly as the API's protocol is (Procurement.protocol decides), so a protocol that does not exist
 * yet — none does before the opening — is a 404 here too.
 */
@Controller
class ProtocolPageController {

    private final Procurement procurement;

    ProtocolPageController(Procurement procurement) {
        this.procurement = procurement;
    }

    @GetMapping("/procedures/{id}/protocols/{kind}")
    String page(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id, @PathVariable String kind,
            Model model) {
        ProcedureId procedure = new ProcedureId(id);
        Protocol protocol = procurement.protocol(user, procedure, kind.toUpperCase(Locale.ROOT));
        ProcedureView view = procurement.view(user, procedure);
        String k = kind.toLowerCase(Locale.ROOT);
        model.addAttribute("p", view);
        model.addAttribute("protocol", protocol);
        model.addAttribute("k", k);
        model.addAttribute("kBase", k.contains("-") ? k.substring(0, k.indexOf('-')) : k);
        model.addAttribute("kArg", k.contains("-") ? k.substring(k.indexOf('-') + 1) : "");
        model.addAttribute("body", body(protocol.html()));
        return "procurement/protocol";
    }

    /**
     * The document's body, to show inside the page: the stored original is a whole HTML document of the platform's
     * own making (every typed text escaped when it was rendered), so its body is safe markup.
     */
    static String body(String html) {
        int open = html.indexOf("<body");
        int start = open < 0 ? 0 : html.indexOf('>', open) + 1;
        int end = html.lastIndexOf("</body>");
        return html.substring(start, end < start ? html.length() : end);
    }
}
