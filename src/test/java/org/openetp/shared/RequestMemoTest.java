package org.openetp.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Issue 16: an answer asked for again in the same request is not read again, unless the request wrote. */
class RequestMemoTest {

    private final AtomicInteger reads = new AtomicInteger();

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void withinARequestEachKeyIsReadOnce() {
        inRequest();
        assertThat(read("a")).isEqualTo("a1");
        assertThat(read("a")).isEqualTo("a1");
        assertThat(read("b")).isEqualTo("b2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aNewRequestReadsAfresh() {
        inRequest();
        read("a");
        inRequest();
        assertThat(read("a")).isEqualTo("a2");
    }

    @Test
    void afterAWriteTheRestOfTheRequestReadsEveryTime() {
        inRequest();
        read("a");
        RequestMemo.forget("space");
        assertThat(read("a")).isEqualTo("a2");
        assertThat(read("a")).isEqualTo("a3");
    }

    @Test
    void outsideARequestNothingIsKept() {
        read("a");
        assertThat(read("a")).isEqualTo("a2");
    }

    @Test
    void anotherSpaceIsKeptApart() {
        inRequest();
        read("a");
        RequestMemo.forget("other");
        assertThat(read("a")).isEqualTo("a1");
    }

    private String read(String key) {
        return RequestMemo.get("space", key, () -> key + reads.incrementAndGet());
    }

    private static void inRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }
}
