package org.openetp.audit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.audit.AuditCheckpoints.Checkpoint;
import org.openetp.audit.AuditCheckpoints;
import org.openetp.audit.AuditEntryView;
import org.openetp.audit.AuditExport;
import org.openetp.audit.AuditJournal;
import org.openetp.audit.CheckpointCopy;
import org.openetp.audit.VerificationReport;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.table.TableResponder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The journal over the API: the operator verifies it (also against checkpoints kept outside) and exports it; the
 * signed checkpoints are public, for anyone to keep.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditJournal journal;
    private final AuditCheckpoints checkpoints;
    private final AuditExport export;
    private final JournalTable lines;
    private final TableResponder tables;

    AuditController(AuditJournal journal, AuditCheckpoints checkpoints, AuditExport export, JournalTable lines,
            TableResponder tables) {
        this.journal = journal;
        this.checkpoints = checkpoints;
        this.export = export;
        this.lines = lines;
        this.tables = tables;
    }

    /** Verifies every chain, every entry's MAC and the stored checkpoints; names the first bad entry if any. */
    @GetMapping("/verify")
    @PreAuthorize("hasRole('OPERATOR')") // as well as the URL rules, so that a missed rule does not expose it
    public VerificationResponse verify() {
        return VerificationResponse.of(journal.verify(List.of()));
    }

    /** As {@code GET /verify}, and against checkpoints kept outside the platform. */
    @PostMapping("/verify")
    @PreAuthorize("hasRole('OPERATOR')")
    public VerificationResponse verifyAgainst(@RequestBody @Nullable VerifyRequest request) {
        List<CheckpointCopy> outside = request == null || request.checkpoints() == null ? List.of()
                : request.checkpoints();
        return VerificationResponse.of(journal.verify(outside));
    }

    /** The newest entries whose stream starts with the prefix, e.g. {@code organization:<id>}. */
    @GetMapping("/entries")
    @PreAuthorize("hasRole('OPERATOR')")
    public @Nullable List<AuditEntryView> entries(@RequestParam(defaultValue = "") String stream,
            @RequestParam(defaultValue = "100") int limit, HttpServletRequest request, HttpServletResponse response) {
        // A file (?format= or Accept) holds the page's columns and takes its parameters (q = stream prefix, sort).
        return tables.list(AuditTables.JOURNAL, request, response, () -> journal.recent(stream, limit),
                (query, sink) -> lines.all(query, RequestContextUtils.getLocale(request), sink));
    }

    /** The journal as stored (entries and anchors), for recomputation outside the platform. */
    @GetMapping("/export")
    @PreAuthorize("hasRole('OPERATOR')")
    public AuditExport.Page export(@RequestParam(defaultValue = "0") long afterId,
            @RequestParam(defaultValue = "0") long afterAnchorSeq, @RequestParam(defaultValue = "1000") int limit) {
        return export.page(afterId, afterAnchorSeq, limit);
    }

    /** Signed checkpoints after an anchor position, oldest first: public, for anyone to keep. */
    @GetMapping("/checkpoints")
    public List<Checkpoint> checkpoints(@RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit) {
        return checkpoints.list(after, limit);
    }

    /** The newest signed checkpoint; 404 before the first. */
    @GetMapping("/checkpoints/latest")
    public Checkpoint latest() {
        return checkpoints.latest().orElseThrow(() -> new NotFoundException("Checkpoint"));
    }

    record VerifyRequest(@Nullable List<CheckpointCopy> checkpoints) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerificationResponse(boolean valid, long entries, @Nullable Long firstBadEntry, long retroactiveMacs,
            int checkpoints, @Nullable Long contradictedCheckpoint) {

        static VerificationResponse of(VerificationReport r) {
            return new VerificationResponse(r.valid(), r.entries(), r.firstBadEntry(), r.retroactiveMacs(),
                    r.checkpoints(), r.contradictedCheckpoint());
        }
    }
}
