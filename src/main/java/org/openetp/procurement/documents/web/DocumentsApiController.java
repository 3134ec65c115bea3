package org.openetp.procurement.documents.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.documents.DocumentationView;
import org.openetp.procurement.documents.Documentation;
import org.openetp.procurement.documents.UploadResult;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Procedure documentation over the API: the list with its versions and the downloads are public for public
 * procedures (SPEC §4.2); the buyer uploads with {@code multipart/form-data}, one or more {@code file} parts and
 * optionally {@code replaces} (the id of the one document in force the single file replaces).
 */
@RestController
@RequestMapping("/api/v1/procedures/{id}/documents")
class DocumentsApiController {

    private final Documentation documentation;

    DocumentsApiController(Documentation documentation) {
        this.documentation = documentation;
    }

    @GetMapping
    DocumentationView list(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id) {
        return documentation.list(user, new ProcedureId(id));
    }

    @GetMapping("/{documentId}")
    ResponseEntity<Resource> download(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID documentId) {
        return DocumentHttp.response(documentation.download(user, new ProcedureId(id), documentId));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    UploadResult upload(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files,
            @RequestParam(required = false) @Nullable UUID replaces) {
        return documentation.upload(user, new ProcedureId(id), DocumentHttp.uploads(files), replaces);
    }
}
