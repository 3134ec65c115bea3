package org.openetp.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value refused where it is read (a control character, a decimal out of its column's bounds); Jackson adds
 * the path to it on the way out, and {@link ApiErrors} answers 400 naming that path with {@link #code()}.
 */
final class RefusedInput extends MismatchedInputException {

    private final String code;
    private final transient Object[] args;

    RefusedInput(JsonParser parser, Class<?> type, String code, Object... args) {
        super(parser, code, type);
        this.code = code;
        this.args = args.clone();
    }

    String code() {
        return code;
    }

    Object[] args() {
        return args.clone();
    }
}
