package org.openetp.audit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import java.util.List;
import org.openetp.audit.AuditEntryView;
import org.openetp.audit.AuditJournal;
import org.openetp.audit.Verification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lets an operator check the journal's integrity over the API. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditJournal journal;

    AuditController(AuditJournal journal) {
        this.journal = journal;
    }

    /** Verifies every chain of the journal; the answer names the first bad entry when there is one. */
    @GetMapping("/verify")
    @PreAuthorize("hasRole('OPERATOR')") // as well as the URL rules, so that a missed rule does not expose it
    public VerificationResponse verify() {
        Verification verification = journal.verify();
        return new VerificationResponse(verification.valid(), verification.entries(), verification.firstBadEntry());
    }

    /** The newest entries whose stream starts with the prefix, e.g. {@code organization:<id>}. */
    @GetMapping("/entries")
    @PreAuthorize("hasRole('OPERATOR')")
    public List<AuditEntryView> entries(@RequestParam(defaultValue = "") String stream,
            @RequestParam(defaultValue = "100") int limit) {
        return journal.recent(stream, limit);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerificationResponse(boolean valid, long entries, @Nullable Long firstBadEntry) {
    }
}
