package org.openetp.audit;

/** A checkpoint as someone kept it outside the platform: its exact text and its signature (base64 DER CMS). */
public record CheckpointCopy(String text, String signature) {
}
