package org.openetp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.openetp.ModuleTestDatabase;
import org.openetp.billing.Billing;
import org.openetp.classifier.Classifier;
import org.openetp.identity.Identity;
import org.openetp.identity.UserId;
import org.openetp.identity.UserSummary;
import org.openetp.loyalty.LoyaltyTierChanged;
import org.openetp.loyalty.ProgramId;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.procurement.Procurement;
import org.openetp.procurement.Tenders;
import org.openetp.shared.PublicUrl;
import org.openetp.shared.mail.Mail;
import org.openetp.shared.mail.Mailer;
import org.openetp.support.IntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The notification module alone: its listeners, inbox and preferences on a real PostgreSQL with its own migrations;
 * the neighbours' APIs it reads (organizations' admins, users' addresses and languages) are mocks, and the events
 * come from the test as the other modules would publish them.
 */
@ApplicationModuleTest
@Import({ModuleTestDatabase.class, IntegrationTest.Config.class})
class NotificationModuleTests {

    @MockitoBean
    Organizations organizations;
    @MockitoBean
    Identity identity;
    @MockitoBean
    Procurement procurement;
    @MockitoBean
    Tenders tenders;
    @MockitoBean
    Billing billing;
    @MockitoBean
    Classifier classifier;
    @MockitoBean
    Mailer mailer;
    @MockitoBean
    PublicUrl publicUrl;

    private final Notifications notifications;

    NotificationModuleTests(Notifications notifications) {
        this.notifications = notifications;
    }

    @Test
    void aTierChangeReachesTheClientsAdminsInTheirLanguageInTheInboxAndByMail(Scenario scenario) {
        UUID seller = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UserId admin = user("ru");
        when(organizations.admins(new OrganizationId(client))).thenReturn(List.of(admin));
        when(organizations.shortName(new OrganizationId(seller))).thenReturn("ООО Ромашка");
        when(publicUrl.to(anyString())).thenAnswer(call -> "https://etp.test" + call.getArgument(0));

        scenario.publish(new LoyaltyTierChanged(ProgramId.random(), "Партнёр", seller, client, "Серебро", "Золото",
                Instant.now()))
                .andWaitForStateChange(() -> notifications.inbox(admin, 0, 10, Locale.forLanguageTag("ru")),
                        page -> page.total() > 0)
                .andVerify(page -> {
                    assertThat(page.unread()).isEqualTo(1);
                    InboxItem item = page.items().getFirst();
                    assertThat(item.kind()).isEqualTo(NotificationKind.ACCOUNT);
                    assertThat(item.title()).isEqualTo("Уровень лояльности: Золото в программе «Партнёр»");
                    assertThat(item.body()).contains("с уровня Серебро на уровень Золото", "ООО Ромашка");
                });

        ArgumentCaptor<Mail> mail = ArgumentCaptor.forClass(Mail.class);
        verify(mailer).send(mail.capture());
        assertThat(mail.getValue().to()).isEqualTo(email(admin));
        assertThat(mail.getValue().subject()).isEqualTo("Уровень лояльности: Золото в программе «Партнёр»");
        assertThat(mail.getValue().links()).singleElement().asString().startsWith("https://etp.test/loyalty/");
    }

    @Test
    void anAdminWhoTurnedAccountNoticesOffGetsNothingWhileTheOtherAdminIsTold(Scenario scenario) {
        UUID client = UUID.randomUUID();
        UserId muted = user("en");
        UserId told = user("en");
        when(organizations.admins(new OrganizationId(client))).thenReturn(List.of(muted, told));
        when(organizations.shortName(any())).thenReturn("Seller Ltd");
        when(publicUrl.to(anyString())).thenAnswer(call -> "https://etp.test" + call.getArgument(0));
        notifications.choose(muted, List.of(new ChannelChoice(NotificationKind.ACCOUNT, false, false)));

        // The admins are told in order: once the second has the notice, the first has been passed over.
        scenario.publish(new LoyaltyTierChanged(ProgramId.random(), "Partner", UUID.randomUUID(), client, null,
                "Gold", Instant.now()))
                .andWaitForStateChange(() -> notifications.inbox(told, 0, 10, Locale.ENGLISH).total(),
                        total -> total > 0)
                .andVerify(total -> assertThat(total).isEqualTo(1));

        assertThat(notifications.inbox(muted, 0, 10, Locale.ENGLISH).total()).isZero();
        ArgumentCaptor<Mail> mail = ArgumentCaptor.forClass(Mail.class);
        verify(mailer).send(mail.capture());
        assertThat(mail.getValue().to()).isEqualTo(email(told));
    }

    /** A confirmed user of the language, as the identity module would describe them. */
    private UserId user(String locale) {
        UserId id = new UserId(UUID.randomUUID());
        when(identity.find(id)).thenReturn(Optional.of(new UserSummary(id, email(id), "Test User", "+70000000000",
                "Director", true, false, locale)));
        return id;
    }

    private static String email(UserId id) {
        return id.value() + "@test.openetp.local";
    }
}
