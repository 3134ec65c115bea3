package org.openetp.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openetp.audit.AuditEntryView;
import org.openetp.shared.DisplayNames;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.TableHtml;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The operator's journal reads as a person speaks (issue 16 item 2): actions by their Russian label, streams and
 * actors by the organization's, procedure's and user's names, no UUID outside a labelled reference, no code; the
 * text filter finds an organization's and a procedure's entries by name; and a page's names cost one lookup per kind.
 */
class AuditJournalPageTests extends ApiTest {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]{2,}\\b");
    private static final Pattern REF = Pattern.compile("<span class=\"ref\">.*?</code></span>", Pattern.DOTALL);

    @Autowired
    MutableClock clock;

    @Autowired
    List<DisplayNames> names;

    @Autowired
    MessageSource messages;

    private record World(Flows.Member buyer, String organization, String person, String procedure, String title) {
    }

    private World world() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> registration = Registrations.russianLlc();
        Registrations.organization(registration).put("shortName", "ООО Журнал " + tag);
        Registrations.user(registration).put("fullName", "Иван Журналов " + tag);
        Flows.Member buyer = flows.confirmedMember(registration);
        Api.Response accredited = api.post("/api/v1/operator/organizations/" + buyer.organizationId()
                + "/accreditation", Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken()));
        assertThat(accredited.status()).as(accredited.body()).isEqualTo(200);
        String title = "Ремонт дороги " + tag;
        Map<String, Object> body = Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", title,
                "description", "Журнал", "currency", "RUB",
                "submissionDeadline", clock.instant().plus(Duration.ofDays(10)).toString(),
                "lots", List.of(Map.of("title", "Асфальт " + tag, "categoryCode", "26.2", "quantity", 10,
                        "unit", "pcs", "startPrice", "120000.00", "deliveryRegion", "RU-MOW")));
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        Api.Response published = api.post("/api/v1/procedures/" + id + "/publish", Map.of(),
                Api.bearer(buyer.token()));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return new World(buyer, "ООО Журнал " + tag, "Иван Журналов " + tag, id, title);
    }

    private String journal(String query) {
        Transfers operator = Transfers.loggedIn(port, Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        Api.Response page = operator.page("/operator/audit?lang=ru&size=200&q="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.status()).isEqualTo(200);
        // ?lang=ru also became the shared operator's stored language: give it back, other tests read English pages.
        assertThat(operator.page("/operator/audit?lang=en&size=1").status()).isEqualTo(200);
        return page.body();
    }

    /** What a person reads on the page: its text without the labelled references, tags and attributes. */
    private static String visibleText(String html) {
        String body = html.substring(html.indexOf("<main"));
        return HtmlUtils.htmlUnescape(REF.matcher(body).replaceAll(" ").replaceAll("<[^>]*>", " "));
    }

    @Test
    void theOrganizationsEntriesReadInRussianByNameAndTheFilterFindsThemByName() {
        World world = world();
        String html = journal(world.organization());
        List<List<String>> rows = TableHtml.rows(html, "audit");
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(row -> assertThat(row.get(2)).contains(world.organization()));
        assertThat(rows).extracting(row -> row.get(3)).contains("Организация зарегистрирована",
                "Организация аккредитована");
        assertThat(rows).extracting(row -> row.get(4)).contains(world.person());
        String text = visibleText(html);
        assertThat(text).doesNotContain(world.procedure(), world.buyer().organizationId());
        assertThat(UUID_TEXT.matcher(text).find()).as(text).isFalse();
        assertThat(CODE.matcher(text).find()).as(text).isFalse();
    }

    @Test
    void theProceduresEntriesShowItsTitleAndWhoActedAndNoIdOutsideAReference() {
        World world = world();
        String html = journal(world.title());
        List<List<String>> rows = TableHtml.rows(html, "audit");
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(row -> assertThat(row.get(2)).isEqualTo("Процедура: " + world.title()));
        assertThat(rows).extracting(row -> row.get(3)).contains("Процедура создана", "Процедура опубликована");
        assertThat(rows).extracting(row -> row.get(4)).contains(world.person());
        String text = visibleText(html);
        assertThat(UUID_TEXT.matcher(text).find()).as(text).isFalse();
        assertThat(CODE.matcher(text).find()).as(text).isFalse();
        // The stream's link still filters by the stream itself, so the same entries are one click away.
        assertThat(html).contains("q=procedure:" + world.procedure());
    }

    @Test
    void aPageIsNamedWithOneLookupPerKindWhateverItsLength() {
        World world = world();
        List<AtomicInteger> calls = new ArrayList<>();
        List<DisplayNames> counted = names.stream().map(real -> {
            AtomicInteger count = new AtomicInteger();
            calls.add(count);
            return (DisplayNames) new DisplayNames() {
                @Override
                public String kind() {
                    return real.kind();
                }

                @Override
                public Map<UUID, String> names(Collection<UUID> ids, Locale locale) {
                    count.incrementAndGet();
                    return real.names(ids, locale);
                }
            };
        }).toList();
        UUID user = UUID.randomUUID();
        List<AuditEntryView> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            entries.add(new AuditEntryView(i, i % 2 == 0 ? "organization:" + world.buyer().organizationId()
                    : "procedure:" + world.procedure(), "PROCEDURE_PUBLISHED", user.toString(), Instant.EPOCH,
                    Map.of("organization", world.buyer().organizationId(), "bid", UUID.randomUUID().toString(),
                            "roles", "[ADMIN, BUYER]")));
        }
        List<JournalLine> lines = new JournalNames(counted, messages).lines(entries, Locale.forLanguageTag("ru"));
        assertThat(calls).isNotEmpty().allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(lines.get(0).streamName()).isEqualTo("Организация: " + world.organization());
        assertThat(lines.get(1).streamName()).isEqualTo("Процедура: " + world.title());
        assertThat(lines.get(0).actor()).isEqualTo("Пользователь (удалено)");
        // A bid no longer there (nothing names this random id) keeps a short labelled number, never the whole id.
        assertThat(lines.get(0).details().toString()).isEqualTo("Заявка: #"
                + entries.get(0).details().get("bid").substring(0, 8)
                + "; Организация: " + world.organization() + "; Роли: Администратор, Заказчик");
        assertThat(lines.get(0).details().facts().get(0).shown().name()).isEqualTo("REF");
        UUID rule = UUID.randomUUID();
        JournalLine unnamed = new JournalNames(counted, messages).lines(List.of(new AuditEntryView(1, "free-rule:"
                + rule, "FREE_PARTICIPATION_RULE_CREATED", "system", Instant.EPOCH, Map.of())), Locale.ENGLISH)
                .getFirst();
        assertThat(unnamed.streamName()).isEqualTo("Free participation rule #" + rule.toString().substring(0, 8));
        assertThat(unnamed.actor()).isEqualTo("The platform");
        UUID bid = UUID.randomUUID();
        JournalLine keyed = new JournalNames(counted, messages).lines(List.of(new AuditEntryView(2, "free-rule:"
                + rule, "FREE_PARTICIPATION_RULE_CREATED", "system", Instant.EPOCH,
                Map.of("idempotencyKey", "deposit:" + bid + ":block", "owner", "null"))), Locale.ENGLISH).getFirst();
        assertThat(keyed.details().facts()).as("a value written as null is left out").hasSize(1);
        assertThat(keyed.details().facts().getFirst().value()).as("an id inside a reference is shortened too")
                .isEqualTo("deposit:#" + bid.toString().substring(0, 8) + ":block");
        assertThat(unnamed.action()).isEqualTo("Free participation rule created");
        assertThat(Set.copyOf(lines.stream().map(JournalLine::action).toList()))
                .containsExactly("Процедура опубликована");
    }
}
