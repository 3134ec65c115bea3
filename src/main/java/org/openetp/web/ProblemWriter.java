package org.openetp.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.ObjectMapper;

/** Writes RFC 9457 problem JSON from filters, where no controller advice runs. */
@Component
class ProblemWriter {

    private final MessageSource messages;
    private final ObjectMapper json;

    ProblemWriter(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String messageKey)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setDetail(messages.getMessage(messageKey, null, messageKey, RequestContextUtils.getLocale(request)));
        problem.setProperty("code", messageKey);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** A 400 naming one field, shaped as {@link ApiErrors} shapes them (API.md {@code errors[]}). */
    void writeFieldError(HttpServletRequest request, HttpServletResponse response, String field, String messageKey,
            Object... args) throws IOException {
        Locale locale = RequestContextUtils.getLocale(request);
        String message = messages.getMessage(messageKey, args, messageKey, locale);
        ProblemDetail problem = ProblemDetail.forStatus(HttpServletResponse.SC_BAD_REQUEST);
        problem.setTitle(messages.getMessage("problem.invalid", null, "problem.invalid", locale));
        problem.setDetail(field + ": " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "code", messageKey, "message", message)));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
