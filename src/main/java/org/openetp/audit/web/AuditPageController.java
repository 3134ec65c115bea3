package org.openetp.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.audit.AuditJournal;
import org.openetp.audit.Verification;
import org.openetp.shared.table.TableResponder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The operator's journal page: the entries as the shared table in the reader's words (sorted, filtered by a stream
 * prefix or an organization's, procedure's or user's name, paged, exported)
 * and an integrity check on demand.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class AuditPageController {

    private final AuditJournal journal;
    private final JournalTable lines;
    private final TableResponder tables;

    AuditPageController(AuditJournal journal, JournalTable lines, TableResponder tables) {
        this.journal = journal;
        this.lines = lines;
        this.tables = tables;
    }

    @GetMapping("/operator/audit")
    @Nullable String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        Locale locale = RequestContextUtils.getLocale(request);
        return tables.page(AuditTables.JOURNAL, "audit/journal", request, response, model,
                query -> lines.page(query, locale), (query, sink) -> lines.all(query, locale, sink));
    }

    /** Verifies, then shows the journal again with the result (plain values, so they survive the redirect). */
    @PostMapping("/operator/audit/verify")
    String verify(@RequestParam(required = false) @Nullable String q, RedirectAttributes redirect) {
        Verification verification = journal.verify();
        redirect.addFlashAttribute("verifiedValid", verification.valid());
        redirect.addFlashAttribute("verifiedEntries", verification.entries());
        redirect.addFlashAttribute("firstBadEntry", verification.firstBadEntry());
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/operator/audit");
        if (q != null && !q.isBlank()) {
            back.queryParam("q", q.strip());
        }
        return "redirect:" + back.build().encode().toUriString();
    }
}
