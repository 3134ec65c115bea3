package org.openetp.shared;

import java.util.List;

/** The request is well-formed but collides with existing data (a used e-mail, a registered tax id): 409. */
public class ConflictException extends InvalidInputException {

    public ConflictException(String field, String messageKey) {
        super(List.of(new FieldError(field, messageKey)));
    }
}
