package org.openetp.procurement.documents.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.documents.Download;
import org.openetp.procurement.documents.Upload;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** How documents cross HTTP, the same for the API and the pages. */
final class DocumentHttp {

    private DocumentHttp() {
    }

    /**
     * A document as an attachment with the content type of its checked type. The browser must neither guess
     * another type (nosniff) nor run anything from it should it ever render it (a sandbox without scripts).
     */
    static ResponseEntity<Resource> response(Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.contentType()))
                .contentLength(download.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .eTag(download.sha256())
                .body(download.content());
    }

    /** The parts of a multipart form as uploads; the empty part a browser sends for "no file chosen" is dropped. */
    static List<Upload> uploads(@Nullable List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())))
                .map(f -> new Upload(f.getOriginalFilename(), f.getSize(), f))
                .toList();
    }
}
