package org.openetp.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.NotFoundException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * A page asked for something missing or not the caller's, or with an id that is not one (a mistyped or cut-off
 * address): the error page in the reader's language with 404, 403 or 400, never a 500 and never problem JSON a
 * person cannot read. (Pages handle refused form submissions themselves, with a message on the page; API
 * controllers have {@link ApiErrors}.) The page is rendered here rather than through the container's error
 * dispatch, so it is HTML whatever the request's Accept header says.
 */
// Before Boot's problem-details advice (order 0), which would answer a page's bad id with JSON; after ApiErrors.
@Order(-1)
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final ObjectProvider<ResponseEntityExceptionHandler> problems;

    PageErrors(ObjectProvider<ResponseEntityExceptionHandler> problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden() {
        return page(HttpStatus.FORBIDDEN);
    }

    /**
     * A path variable or parameter that does not convert ("not-an-id" for a UUID), or a required one missing. A
     * REST controller (its own advice names the type mismatch; a missing parameter reaches here) keeps its problem
     * JSON from Boot's handler.
     */
    @ExceptionHandler({TypeMismatchException.class, ServletRequestBindingException.class})
    Object badRequest(Exception e, HandlerMethod handler, HttpServletRequest request) throws Exception {
        ResponseEntityExceptionHandler rest = problems.getIfAvailable();
        if (rest != null && AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class)) {
            return rest.handleException(e, new ServletWebRequest(request));
        }
        return page(HttpStatus.BAD_REQUEST);
    }

    private static ModelAndView page(HttpStatus status) {
        return new ModelAndView("error", Map.of("status", status.value()), status);
    }
}
