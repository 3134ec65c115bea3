package org.openetp.shared.mail;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends e-mail. Every mail is first recorded in {@code mail_outbox} inside the caller's transaction, so a rolled-back
 * registration sends nothing; SMTP delivery (when {@code spring.mail.host} is set) happens only after commit.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final @Nullable JavaMailSender smtp;

    Mailer(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> smtp) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.smtp = smtp.getIfAvailable();
    }

    /** Records the mail and, if SMTP is configured, delivers it once the surrounding transaction commits. */
    public void send(Mail mail) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO mail_outbox (id, recipient, subject, body, links, created_at)
                VALUES (:id, :to, :subject, :body, :links, :at)
                """)
                .param("id", id)
                .param("to", mail.to())
                .param("subject", mail.subject())
                .param("body", mail.body())
                .param("links", mail.links().toArray(String[]::new))
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
        if (smtp == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(id, mail);
                }
            });
        } else {
            deliver(id, mail);
        }
    }

    /** The most recent mails, newest first (the dev outbox), all or to one address. */
    public List<OutboxEntry> recent(int limit, @Nullable String to) {
        return jdbc.sql("""
                SELECT recipient, subject, body, links, created_at FROM mail_outbox
                WHERE CAST(:to AS TEXT) IS NULL OR recipient = :to
                ORDER BY created_at DESC, id LIMIT :limit
                """)
                .param("limit", limit).param("to", to)
                .query((rs, n) -> new OutboxEntry(rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), strings(rs.getArray("links")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private void deliver(UUID id, Mail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(mail.to());
        message.setSubject(mail.subject());
        message.setText(mail.body());
        try {
            smtp.send(message);
            jdbc.sql("UPDATE mail_outbox SET sent_at = :at WHERE id = :id")
                    .param("at", java.sql.Timestamp.from(clock.instant()))
                    .param("id", id)
                    .update();
        } catch (MailException e) {
            // The mail stays recorded with no sent_at, so an operator can see what did not go out.
            log.warn("SMTP delivery of mail {} to {} failed: {}", id, mail.to(), e.getMessage());
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
