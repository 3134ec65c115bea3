package org.openetp.crm.web;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.CompetitorEvidence;
import org.openetp.crm.EvidenceViews;
import org.openetp.crm.EvidenceViews.Evidence;
import org.openetp.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The competitor evidence the platform's protocols made public, as JSON (category names in the caller's language). */
@RestController
class CompetitorEvidenceApiController {

    private final CompetitorEvidence evidence;

    CompetitorEvidenceApiController(CompetitorEvidence evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/api/v1/crm/competitor-evidence")
    Evidence evidence(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId, Locale locale) {
        return evidence.evidence(user, organizationId, locale);
    }
}
