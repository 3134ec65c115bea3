package org.openetp.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openetp.identity.LoginRefusedException;
import org.openetp.shared.ConflictException;
import org.openetp.shared.FieldError;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Turns the modules' exceptions into RFC 9457 problems for every REST controller: 400 with the field list, 409
 * for conflicts and refused transitions, 403, 404; messages in the caller's language.
 */
// First: PageErrors matches every @Controller, and a @RestController is one too; REST answers stay problems.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    private final MessageSource messages;
    private final Clock clock;

    ApiErrors(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        HttpStatus status = e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(message(status == HttpStatus.CONFLICT ? "problem.conflict" : "problem.invalid", locale));
        List<Map<String, String>> errors = e.errors().stream().map(f -> fieldError(f, locale)).toList();
        problem.setDetail(errors.stream().map(m -> m.get("field") + ": " + m.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse(""));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail rule(RuleViolationException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setTitle(message("problem.rule", locale));
        problem.setDetail(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        problem.setProperty("code", e.messageKey());
        return problem;
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
        problem.setDetail(message(e.messageKey(), RequestContextUtils.getLocale(request)));
        problem.setProperty("code", e.messageKey());
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(HttpServletRequest request) {
        return forbidden(new ForbiddenException("auth.forbidden"), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setDetail(e.getMessage());
        return problem;
    }

    @ExceptionHandler(LoginRefusedException.class)
    ResponseEntity<ProblemDetail> loginRefused(LoginRefusedException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        HttpStatus status = switch (e.reason()) {
            case BAD_CREDENTIALS -> HttpStatus.UNAUTHORIZED;
            case UNCONFIRMED -> HttpStatus.FORBIDDEN;
            case LOCKED -> HttpStatus.TOO_MANY_REQUESTS;
        };
        String key = "login.error." + e.reason().name().toLowerCase(Locale.ROOT);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setDetail(message(key, locale));
        problem.setProperty("code", key);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"OpenETP\"");
        }
        if (e.lockedUntil() != null) {
            problem.setProperty("lockedUntil", e.lockedUntil().toString());
            long seconds = Math.max(1, Duration.between(clock.instant(), e.lockedUntil())
                    .getSeconds());
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return response.body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        UnreadableBody why = UnreadableBody.of(e);
        Map<String, String> error = new java.util.LinkedHashMap<>();
        error.put("field", why.field());
        error.put("code", why.code());
        error.put("message", messages.getMessage(why.code(), why.args(), why.code(), locale));
        if (why.expected() != null) {
            error.put("expected", why.expected());
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(message("problem.invalid", locale));
        problem.setDetail(why.field() + ": " + error.get("message"));
        problem.setProperty("errors", List.of(error));
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        String expected = e.getRequiredType() == null ? "?" : e.getRequiredType().getSimpleName();
        String text = messages.getMessage("input.type", new Object[] {expected}, "input.type", locale);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(message("problem.invalid", locale));
        problem.setDetail(e.getName() + ": " + text);
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "code", "input.type", "message", text,
                "expected", expected)));
        return problem;
    }

    private Map<String, String> fieldError(FieldError f, Locale locale) {
        return Map.of("field", f.field(), "code", f.messageKey(), "message", message(f.messageKey(), locale));
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
