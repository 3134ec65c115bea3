package org.openetp.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.PlainText;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The edge for everything that is not a JSON body (JSON passes {@link JsonInputChecks}): query and form parameters
 * and the names of uploaded files. A control character in any of them, or a file name longer than any file system
 * keeps, is refused with 400 naming the parameter before a controller binds it; the API answers a problem, a page
 * the error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class FormInputFilter extends OncePerRequestFilter {

    /** The longest file name common file systems keep (ext4, NTFS: 255). */
    static final int MAX_FILE_NAME = 255;

    private final ProblemWriter problems;

    FormInputFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Refusal refusal = parameters(request);
        if (refusal == null && isMultipart(request)) {
            refusal = fileNames(request);
        }
        if (refusal == null) {
            chain.doFilter(request, response);
        } else if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.writeFieldError(request, response, refusal.field(), refusal.code(), refusal.args());
        } else {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, refusal.field());
        }
    }

    private record Refusal(String field, String code, Object... args) {
    }

    private static @Nullable Refusal parameters(HttpServletRequest request) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!PlainText.acceptable(parameter.getKey())) {
                return new Refusal("parameter", "input.control");
            }
            for (String value : parameter.getValue()) {
                if (!PlainText.acceptable(value)) {
                    return new Refusal(parameter.getKey(), "input.control");
                }
            }
        }
        return null;
    }

    private static @Nullable Refusal fileNames(HttpServletRequest request) throws IOException {
        Iterable<Part> parts;
        try {
            parts = request.getParts();
        } catch (IllegalStateException | ServletException unreadable) {
            // Past the multipart limits: left to Spring's multipart handling, which answers it as before (413).
            return null;
        }
        for (Part part : parts) {
            String name = part.getSubmittedFileName();
            if (name == null) {
                continue;
            }
            String field = part.getName();
            if (!PlainText.acceptable(name)) {
                return new Refusal(field, "input.control");
            }
            if (name.codePointCount(0, name.length()) > MAX_FILE_NAME) {
                return new Refusal(field, "input.fileName.length", MAX_FILE_NAME);
            }
        }
        return null;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }
}
