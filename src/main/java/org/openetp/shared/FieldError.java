package org.openetp.shared;

/** One invalid input field: its path in the request (e.g. {@code organization.taxId}) and a message-bundle key. */
public record FieldError(String field, String messageKey) {
}
