package org.openetp.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The stored form of a notice's arguments: a JSON array of {@code {"t": type, "v": value, ...}}. */
final class NoticeArgsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NoticeArgsJson() {
    }

    static String write(List<NoticeArg> args) {
        return JSON.writeValueAsString(array(args));
    }

    static List<NoticeArg> read(String json) {
        return list(JSON.readTree(json));
    }

    private static ArrayNode array(List<NoticeArg> args) {
        ArrayNode array = JSON.createArrayNode();
        for (NoticeArg arg : args) {
            ObjectNode node = array.addObject();
            switch (arg) {
                case NoticeArg.Text t -> node.put("t", "text").put("v", t.value());
                case NoticeArg.Number n -> node.put("t", "number").put("v", n.value().toPlainString());
                case NoticeArg.Amount a -> node.put("t", "amount").put("v", a.value().toPlainString())
                        .put("c", a.currency());
                case NoticeArg.Moment m -> node.put("t", "moment").put("v", m.at().toString());
                case NoticeArg.Day d -> node.put("t", "day").put("v", d.day().toString());
                case NoticeArg.Names n -> {
                    ObjectNode names = node.put("t", "names").putObject("v");
                    n.byLanguage().forEach(names::put);
                }
                case NoticeArg.Message m -> node.put("t", "message").put("v", m.key()).set("a", array(m.args()));
            }
        }
        return array;
    }

    private static List<NoticeArg> list(JsonNode array) {
        List<NoticeArg> args = new ArrayList<>();
        for (JsonNode node : array) {
            String v = node.path("v").isObject() ? "" : node.path("v").asString();
            args.add(switch (node.path("t").asString()) {
                case "number" -> new NoticeArg.Number(new BigDecimal(v));
                case "amount" -> new NoticeArg.Amount(new BigDecimal(v), node.path("c").asString());
                case "moment" -> new NoticeArg.Moment(Instant.parse(v));
                case "day" -> new NoticeArg.Day(LocalDate.parse(v));
                case "names" -> new NoticeArg.Names(names(node.path("v")));
                case "message" -> new NoticeArg.Message(v, list(node.path("a")));
                default -> new NoticeArg.Text(v);
            });
        }
        return args;
    }

    private static Map<String, String> names(JsonNode object) {
        Map<String, String> names = new LinkedHashMap<>();
        object.properties().forEach(e -> names.put(e.getKey(), e.getValue().asString()));
        return names;
    }
}
