package org.openetp.procurement.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.Procurement;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * API.md {@code GET /api/v1/signature/canonical}: the exact UTF-8 text a bidder signs, e.g. with
 * {@code openssl cms -sign -binary -outform DER}. The bid carries the signature and, optionally, this text. Public
 * like the procedure (the text holds nothing but what the caller sent), so that the browser's signing script
 * can fetch it with the page's session, which the token-only API chain does not read.
 */
@RestController
class CanonicalTextController {

    private final Procurement procurement;

    CanonicalTextController(Procurement procurement) {
        this.procurement = procurement;
    }

    @GetMapping(value = "/api/v1/signature/canonical", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    String canonical(@AuthenticationPrincipal @Nullable CurrentUser user, @RequestParam UUID procedureId,
            @RequestParam UUID lotId, @RequestParam(required = false) @Nullable BigDecimal price,
            @RequestParam(required = false) @Nullable String currency, @RequestParam Map<String, String> all) {
        Map<String, String> proposal = new HashMap<>();
        all.forEach((name, value) -> {
            if (name.startsWith("proposal.")) {
                proposal.put(name.substring("proposal.".length()), value);
            }
        });
        return procurement.canonicalBid(user, new ProcedureId(procedureId), new LotId(lotId), price, currency,
                proposal);
    }
}
