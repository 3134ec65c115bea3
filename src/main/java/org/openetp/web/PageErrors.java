package org.openetp.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page asked for something missing or not the caller's: the error page with 404 or 403, not a 500. (Pages handle
 * refused form submissions themselves, with a message on the page; API controllers have {@link ApiErrors}.)
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    void forbidden(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
