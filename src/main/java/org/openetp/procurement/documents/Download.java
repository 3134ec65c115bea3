package org.openetp.procurement.documents;

import org.springframework.core.io.Resource;

/** A document ready to send: its safe name, the content type of its allow-listed type, and its bytes. */
public record Download(String name, String contentType, long size, String sha256, Resource content) {
}
