package org.openetp.procurement.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;

/** The "Documentation" and "Questions and answers" sections of the procedure page, as a browser uses them. */
class ProcedurePageSectionsTests extends ApiTest {

    @Autowired
    MutableClock clock;

    ProcedureFixture fixture;
    Transfers anonymous;

    @BeforeEach
    void setUp() {
        fixture = new ProcedureFixture(api, clock);
        anonymous = new Transfers(port);
    }

    @Test
    void theProcedurePageLoadsBothSectionsFromTheirOwnAddresses() {
        Flows.Member buyer = flows.accreditedMember();
        String id = fixture.published(buyer, Duration.ofDays(10));

        String page = anonymous.page("/procedures/" + id).body();

        assertThat(page).contains("hx-get=\"/procedures/" + id + "/documents\"",
                "hx-get=\"/procedures/" + id + "/documents/questions\"");
        assertThat(anonymous.page("/procedures/" + id + "/documents?lang=ru").body()).contains("Документация");
        assertThat(anonymous.page("/procedures/" + id + "/documents/questions?lang=th").body())
                .contains("คำถามและคำตอบ");
    }

    @Test
    void theBuyerAmendsFromThePageAndAnybodyDownloadsTheDocument() {
        Flows.Member buyer = flows.accreditedMember();
        String id = fixture.published(buyer, Duration.ofDays(10));
        Transfers browser = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD);
        assertThat(anonymous.page("/procedures/" + id + "/documents").body()).doesNotContain("documents-upload");
        String section = browser.page("/procedures/" + id + "/documents").body();
        assertThat(section).contains("id=\"documents-upload\"");

        Api.Response posted = browser.upload("/procedures/" + id + "/documents",
                List.of(ProcedureFixture.pdf("terms.pdf")), Map.of("_csrf", Transfers.csrf(section)));

        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.header("Location")).endsWith("/procedures/" + id);
        assertThat(browser.page("/procedures/" + id).body())
                .contains("The amendment is published as a new version of the documentation.");
        String published = anonymous.page("/procedures/" + id + "/documents").body();
        assertThat(published).contains("terms.pdf", "Version 1");
        String link = published.replaceAll("(?s).*href=\"(/procedures/" + id + "/documents/[0-9a-f-]{36})\".*", "$1");
        Transfers.Bytes download = anonymous.download(link);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(ProcedureFixture.PDF);
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aRefusedUploadFromThePageSaysWhyAndStoresNothing() {
        Flows.Member buyer = flows.accreditedMember();
        String id = fixture.published(buyer, Duration.ofDays(10));
        Transfers browser = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD);
        String section = browser.page("/procedures/" + id + "/documents").body();

        browser.upload("/procedures/" + id + "/documents",
                List.of(new Transfers.Part("invoice.pdf", ProcedureFixture.EXE, "application/pdf")),
                Map.of("_csrf", Transfers.csrf(section)));

        assertThat(browser.page("/procedures/" + id).body()).contains("file: The content of the file does not match");
        assertThat(anonymous.page("/procedures/" + id + "/documents").body()).contains("id=\"documents-none\"");
    }

    @Test
    void aSupplierAsksOnThePageTheBuyerAnswersAndEverybodyReadsTheAnswerWithoutTheAsker() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.accreditedMember();
        String id = fixture.published(buyer, Duration.ofDays(10));
        String questions = "/procedures/" + id + "/documents/questions";
        Transfers asker = Transfers.loggedIn(port, supplier.email(), Registrations.PASSWORD);
        Transfers answerer = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD);
        assertThat(anonymous.page(questions).body()).contains("id=\"questions-login\"").doesNotContain("question-form");

        String askForm = asker.page(questions).body();
        assertThat(askForm).contains("id=\"question-form\"");
        Api.Response asked = asker.form("/procedures/" + id + "/questions",
                Map.of("text", "Is <b>recycled</b> paper acceptable?", "_csrf", Transfers.csrf(askForm)));
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asker.page("/procedures/" + id).body()).contains("Your question is sent.");
        assertThat(asker.page(questions).body()).contains("Your question", "Awaiting an answer");

        String buyerView = answerer.page(questions).body();
        assertThat(buyerView).contains("Is &lt;b&gt;recycled&lt;/b&gt; paper acceptable?", "answer-form")
                .doesNotContain(supplier.organizationId()).doesNotContain(supplier.email());
        assertThat(buyerView).doesNotContain("question-form");
        String action = buyerView.replaceAll("(?s).*action=\"(/procedures/" + id + "/questions/[0-9a-f-]{36}/answer)\".*",
                "$1");
        Api.Response answered = answerer.form(action, Map.of("text", "Yes, if it is white.", "_csrf",
                Transfers.csrf(buyerView)));
        assertThat(answered.status()).isEqualTo(302);

        assertThat(anonymous.page(questions).body()).contains("recycled", "Yes, if it is white.")
                .doesNotContain("Your question").doesNotContain(supplier.organizationId());
        assertThat(answerer.page(questions).body()).doesNotContain("answer-form");
    }
}
