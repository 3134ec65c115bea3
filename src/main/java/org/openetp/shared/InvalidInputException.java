package org.openetp.shared;

import java.util.List;

/** Input that breaks a rule; answered as 400 with every offending field, and nothing is stored. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("Invalid input: " + errors);
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String messageKey) {
        this(List.of(new FieldError(field, messageKey)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
