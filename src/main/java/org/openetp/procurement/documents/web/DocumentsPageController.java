package org.openetp.procurement.documents.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.web.PageActions;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.procurement.documents.Documentation;
import org.openetp.procurement.documents.UploadResult;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Documentation" section of the procedure page, loaded into it by htmx, with the buyer's upload form, and
 * downloads for browsers (the session, unlike the stateless API, lets a buyer fetch its draft's documents).
 */
@Controller
class DocumentsPageController {

    private final Documentation documentation;
    private final Procurement procurement;
    private final Organizations organizations;
    private final PageActions actions;
    private final Clock clock;

    DocumentsPageController(Documentation documentation, Procurement procurement, Organizations organizations,
            PageActions actions, Clock clock) {
        this.documentation = documentation;
        this.procurement = procurement;
        this.organizations = organizations;
        this.actions = actions;
        this.clock = clock;
    }

    @GetMapping("/procedures/{id}/documents")
    String section(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id, Model model) {
        ProcedureView procedure = procurement.view(user, new ProcedureId(id));
        boolean buyer = user != null && organizations.membershipsOf(user.id()).stream()
                .anyMatch(m -> m.holds(Role.BUYER, procedure.organizationId()));
        boolean changeable = procedure.status() == ProcedureStatus.DRAFT
                || procedure.status() == ProcedureStatus.PUBLISHED
                && clock.instant().isBefore(procedure.submissionDeadline());
        model.addAttribute("p", procedure);
        model.addAttribute("documentation", documentation.list(user, procedure.id()));
        model.addAttribute("canUpload", buyer && changeable);
        model.addAttribute("accept", documentation.allowedExtensions().stream().map(e -> "." + e)
                .collect(Collectors.joining(", ")));
        model.addAttribute("maxBytes", documentation.maxDocumentSize());
        model.addAttribute("maxMegabytes", documentation.maxDocumentSize() / (1024 * 1024));
        return "procurement/documents :: documentation";
    }

    @PostMapping("/procedures/{id}/documents")
    String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files,
            @RequestParam(required = false) @Nullable UUID replaces, RedirectAttributes redirect) {
        return actions.run("/procedures/" + id, redirect, () -> {
            UploadResult result = documentation.upload(user, new ProcedureId(id), DocumentHttp.uploads(files),
                    replaces);
            if (!result.published()) {
                return "documents.attached";
            }
            return result.deadlineExtended() ? "documents.amended.extended" : "documents.amended";
        });
    }

    @GetMapping("/procedures/{id}/documents/{documentId}")
    ResponseEntity<Resource> download(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID documentId) {
        return DocumentHttp.response(documentation.download(user, new ProcedureId(id), documentId));
    }
}
