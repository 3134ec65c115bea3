package org.openetp.auction.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openetp.auction.LiveEvent;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A pre-rendered frame is exactly the text Spring's own event builder would have written for the same events, one
 * after another, so watchers (htmx's SSE extension, API clients) cannot tell the difference.
 */
class LiveFramesTests {

    @ParameterizedTest
    @ValueSource(strings = {"{\"seq\":7,\"type\":\"BidPlaced\",\"price\":98000.00}", "",
            "{\"label\":\"Участник 1 ผู้เสนอ\"}", "{\n  \"a\": 1\n}", "line\r\nbreaks\rof\nevery kind\n", "\n",
            "\r\n\r\n"})
    void oneEventIsWhatSpringsEventBuilderWrites(String json) {
        LiveEvent event = new LiveEvent(7, "BidPlaced", json);
        assertThat(LiveUpdates.frame(List.of(event))).isEqualTo(spring(event));
    }

    @Test
    void eventsOfOneDeliveryFollowEachOtherInOrderEachEndedByABlankLine() {
        List<LiveEvent> events = List.of(new LiveEvent(41, "BidPlaced", "{\"seq\":41}"),
                new LiveEvent(42, "Extended", "{\"seq\":42,\n\"endsAt\":\"x\"}"), new LiveEvent(43, "Ended", "{}"));
        String frame = LiveUpdates.frame(events);
        assertThat(frame).isEqualTo(events.stream().map(LiveFramesTests::spring).collect(Collectors.joining()));
        assertThat(frame).isEqualTo("id:41\nevent:auction\ndata:{\"seq\":41}\n\n"
                + "id:42\nevent:auction\ndata:{\"seq\":42,\ndata:\"endsAt\":\"x\"}\n\n"
                + "id:43\nevent:auction\ndata:{}\n\n");
    }

    @Test
    void theHeartbeatIsTheCommentSpringWrites() {
        assertThat(new String(LiveUpdates.HEARTBEAT_FRAME, StandardCharsets.UTF_8))
                .isEqualTo(text(SseEmitter.event().comment("heartbeat")));
    }

    /** What {@code LiveUpdates} sent per event before frames: its parts, written one after another. */
    private static String spring(LiveEvent event) {
        return text(SseEmitter.event().id(Long.toString(event.seq())).name("auction")
                .data(event.json(), MediaType.APPLICATION_JSON));
    }

    private static String text(SseEmitter.SseEventBuilder builder) {
        return builder.build().stream().map(DataWithMediaType::getData).map(String.class::cast)
                .collect(Collectors.joining());
    }
}
