package org.openetp.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Answers kept for the rest of one HTTP request (issue 16: a page asked for the same user's memberships up to eleven
 * times, once per component that checks a role). Outside a request (scheduled work, listeners, tests calling a
 * service) nothing is kept. A write to what a space holds turns that space off for the rest of the request
 * ({@link #forget}), so a request never reads back an answer older than its own write, nor one its rolled-back
 * transaction had seen.
 */
public final class RequestMemo {

    private static final String PREFIX = RequestMemo.class.getName() + ".";
    private static final Object OFF = new Object();

    private RequestMemo() {
    }

    /** The answer for the key in the space, loaded once per request; never null. */
    public static <T> T get(String space, Object key, Supplier<T> load) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return load.get();
        }
        try {
            return get(request, space, key, load);
        } catch (IllegalStateException requestOver) { // attributes of a request that has ended
            return load.get();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(RequestAttributes request, String space, Object key, Supplier<T> load) {
        Object held = request.getAttribute(PREFIX + space, RequestAttributes.SCOPE_REQUEST);
        if (held == OFF) {
            return load.get();
        }
        Map<Object, Object> answers = (Map<Object, Object>) held;
        if (answers == null) {
            answers = new HashMap<>();
            request.setAttribute(PREFIX + space, answers, RequestAttributes.SCOPE_REQUEST);
        }
        T known = (T) answers.get(key);
        if (known != null) {
            return known;
        }
        T loaded = load.get();
        answers.put(key, loaded);
        return loaded;
    }

    /** Something the space holds was written: the rest of this request reads it afresh every time. */
    public static void forget(String space) {
        @Nullable RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            try {
                request.setAttribute(PREFIX + space, OFF, RequestAttributes.SCOPE_REQUEST);
            } catch (IllegalStateException requestOver) {
                // nothing is kept for a request that has ended
            }
        }
    }
}
