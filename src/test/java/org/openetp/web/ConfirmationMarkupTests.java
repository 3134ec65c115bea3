package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * UI.md convention 6: every form of the templates that publishes, cancels, withdraws, awards, rejects or refuses,
 * revokes, removes, or moves money (buys a plan, records a payment, tops up, redeems) asks first: it carries a
 * {@code data-confirm} text. A new such form without one fails here.
 */
class ConfirmationMarkupTests {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("th:action=\"([^\"]*)\"");
    private static final Pattern DESTRUCTIVE = Pattern.compile(
            "/publish\\b|/cancel\\b|/withdraw\\b|/award\\b|/revoke\\b|/remove\\b|/top-ups\\b|/payment\\b"
                    + "|@\\{/subscriptions}|/redemptions\\(|/reject\\b|/cashback");
    /** A decision form whose hidden field says no: a rejection or refusal. */
    private static final Pattern REFUSAL = Pattern.compile(
            "name=\"(admitted|accepted|sign)\" value=\"false\"");

    @Test
    void everyDestructiveOrMoneyMovingFormAsksFirst() throws IOException {
        List<String> silent = new ArrayList<>();
        List<String> asking = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher form = FORM.matcher(Files.readString(template));
                while (form.find()) {
                    Matcher action = ACTION.matcher(form.group(1));
                    String target = action.find() ? action.group(1) : "";
                    if (!DESTRUCTIVE.matcher(target).find() && !REFUSAL.matcher(form.group(2)).find()) {
                        continue;
                    }
                    (form.group(1).contains("data-confirm") ? asking : silent).add(template + " " + target);
                }
            }
        }

        assertThat(silent).isEmpty();
        assertThat(asking).as("publish, award, cancel, buy, withdraw, record a payment, top up, redeem, reject")
                .anyMatch(f -> f.contains("/publish")).anyMatch(f -> f.contains("/award"))
                .anyMatch(f -> f.contains("/cancel")).anyMatch(f -> f.contains("@{/subscriptions}"))
                .anyMatch(f -> f.contains("/withdraw")).anyMatch(f -> f.contains("/payment"))
                .anyMatch(f -> f.contains("/top-ups")).anyMatch(f -> f.contains("/redemptions"))
                .anyMatch(f -> f.contains("/reject"));
    }
}
