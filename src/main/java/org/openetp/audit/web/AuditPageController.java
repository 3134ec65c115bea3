package org.openetp.audit.web;

import org.jspecify.annotations.Nullable;
import org.openetp.audit.AuditJournal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operator's journal page: recent entries (filtered by stream) and an integrity check on demand. */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class AuditPageController {

    private final AuditJournal journal;

    AuditPageController(AuditJournal journal) {
        this.journal = journal;
    }

    @GetMapping("/operator/audit")
    String page(@RequestParam(required = false) @Nullable String stream, Model model) {
        String prefix = stream == null ? "" : stream.trim();
        model.addAttribute("stream", prefix);
        model.addAttribute("entries", journal.recent(prefix, 200));
        return "audit/journal";
    }

    @PostMapping("/operator/audit/verify")
    String verify(@RequestParam(required = false) @Nullable String stream, Model model) {
        model.addAttribute("verification", journal.verify());
        return page(stream, model);
    }
}
