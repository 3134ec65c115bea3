package org.openetp.procurement.tenders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidId;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.domain.TenderRules.ApplicationStatus;
import org.openetp.procurement.domain.TenderRules.Stage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitations, stage applications and negotiation threads, calls and choices; visible SQL. */
@Repository
public class TenderRepository {

    /** An application or stage-1 proposal as stored. */
    public record StoredApplication(UUID id, ProcedureId procedure, Stage stage, UUID organization, UUID submittedBy,
            String text, @Nullable String documentsRef, Instant submittedAt, ApplicationStatus status,
            @Nullable String reason, @Nullable Instant decidedAt) {
    }

    /** A message of a negotiation thread. */
    public record StoredMessage(UUID id, UUID supplier, boolean fromBuyer, UUID author, String text, Instant sentAt) {
    }

    /** The call for final offers. */
    public record Call(Instant deadline, UUID calledBy, Instant calledAt) {
    }

    /** The buyer's choice on a lot. */
    public record Choice(LotId lot, BidId bid, String reason, UUID chosenBy, Instant chosenAt) {
    }

    private final JdbcClient jdbc;

    TenderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- invitations

    /** Invites the organization; false when it was invited already. */
    public boolean invite(ProcedureId procedure, UUID organization, UUID by, Instant at) {
        return jdbc.sql("""
                INSERT INTO procedure_invitation (procedure_id, organization_id, invited_by, invited_at)
                VALUES (:p, :o, :by, :at) ON CONFLICT DO NOTHING""")
                .param("p", procedure.value()).param("o", organization).param("by", by).param("at", ts(at))
                .update() == 1;
    }

    public boolean invited(ProcedureId procedure, Collection<UUID> organizations) {
        if (organizations.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM procedure_invitation
                               WHERE procedure_id = :p AND organization_id IN (:orgs))""")
                .param("p", procedure.value()).param("orgs", organizations).query(Boolean.class).single();
    }

    /** The invited organizations with when they were invited, in invitation order. */
    public List<Invited> invitations(ProcedureId procedure) {
        return jdbc.sql("""
                SELECT organization_id, invited_at FROM procedure_invitation WHERE procedure_id = :p
                ORDER BY invited_at, organization_id""")
                .param("p", procedure.value())
                .query((rs, n) -> new Invited(rs.getObject("organization_id", UUID.class),
                        rs.getTimestamp("invited_at").toInstant()))
                .list();
    }

    /** The procedures any of the organizations is invited to, newest invitation first. */
    public List<UUID> invitedTo(Collection<UUID> organizations, int limit) {
        if (organizations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT procedure_id FROM procedure_invitation WHERE organization_id IN (:orgs)
                GROUP BY procedure_id ORDER BY max(invited_at) DESC LIMIT :limit""")
                .param("orgs", organizations).param("limit", limit).query(UUID.class).list();
    }

    /** An invited organization. */
    public record Invited(UUID organization, Instant at) {
    }

    // ---------------------------------------------------------------- stage applications

    /** Stores the organization's application for the step, replacing its earlier one (which goes back to PENDING). */
    public UUID upsertApplication(ProcedureId procedure, Stage stage, UUID organization, UUID by, String text,
            @Nullable String documentsRef, Instant at) {
        return jdbc.sql("""
                INSERT INTO stage_application (id, procedure_id, stage, organization_id, submitted_by, text,
                    documents_ref, submitted_at, status)
                VALUES (:id, :p, :stage, :o, :by, :text, :docs, :at, 'PENDING')
                ON CONFLICT (procedure_id, stage, organization_id) DO UPDATE SET submitted_by = EXCLUDED.submitted_by,
                    text = EXCLUDED.text, documents_ref = EXCLUDED.documents_ref, submitted_at = EXCLUDED.submitted_at
                RETURNING id""")
                .param("id", UUID.randomUUID()).param("p", procedure.value()).param("stage", stage.name())
                .param("o", organization).param("by", by).param("text", text).param("docs", documentsRef)
                .param("at", ts(at))
                .query(UUID.class).single();
    }

    public List<StoredApplication> applications(ProcedureId procedure, Stage stage) {
        return jdbc.sql("SELECT * FROM stage_application WHERE procedure_id = :p AND stage = :stage "
                        + "ORDER BY submitted_at, id")
                .param("p", procedure.value()).param("stage", stage.name()).query(this::mapApplication).list();
    }

    public Optional<StoredApplication> application(ProcedureId procedure, Stage stage, UUID organization) {
        return jdbc.sql("SELECT * FROM stage_application WHERE procedure_id = :p AND stage = :stage "
                        + "AND organization_id = :o")
                .param("p", procedure.value()).param("stage", stage.name()).param("o", organization)
                .query(this::mapApplication).optional();
    }

    public Optional<StoredApplication> application(UUID id) {
        return jdbc.sql("SELECT * FROM stage_application WHERE id = :id").param("id", id)
                .query(this::mapApplication).optional();
    }

    public void judge(UUID id, boolean accepted, @Nullable String reason, UUID by, Instant at) {
        jdbc.sql("""
                UPDATE stage_application SET status = :status, reason = :reason, decided_by = :by, decided_at = :at
                WHERE id = :id""")
                .param("status", accepted ? "ACCEPTED" : "REJECTED").param("reason", reason).param("by", by)
                .param("at", ts(at)).param("id", id).update();
    }

    private StoredApplication mapApplication(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new StoredApplication(rs.getObject("id", UUID.class),
                new ProcedureId(rs.getObject("procedure_id", UUID.class)), Stage.valueOf(rs.getString("stage")),
                rs.getObject("organization_id", UUID.class), rs.getObject("submitted_by", UUID.class),
                rs.getString("text"), rs.getString("documents_ref"), rs.getTimestamp("submitted_at").toInstant(),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                decided == null ? null : decided.toInstant());
    }

    // ---------------------------------------------------------------- negotiations

    public UUID insertMessage(ProcedureId procedure, UUID supplier, boolean fromBuyer, UUID author, String text,
            Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO negotiation_message (id, procedure_id, supplier_org, from_buyer, author, text, sent_at)
                VALUES (:id, :p, :s, :fromBuyer, :author, :text, :at)""")
                .param("id", id).param("p", procedure.value()).param("s", supplier).param("fromBuyer", fromBuyer)
                .param("author", author).param("text", text).param("at", ts(at)).update();
        return id;
    }

    /** One supplier's thread, oldest first: the query names the supplier, so no other thread can ever be read. */
    public List<StoredMessage> thread(ProcedureId procedure, UUID supplier) {
        return jdbc.sql("""
                SELECT id, supplier_org, from_buyer, author, text, sent_at FROM negotiation_message
                WHERE procedure_id = :p AND supplier_org = :s ORDER BY sent_at, id""")
                .param("p", procedure.value()).param("s", supplier)
                .query((rs, n) -> new StoredMessage(rs.getObject("id", UUID.class),
                        rs.getObject("supplier_org", UUID.class), rs.getBoolean("from_buyer"),
                        rs.getObject("author", UUID.class), rs.getString("text"),
                        rs.getTimestamp("sent_at").toInstant()))
                .list();
    }

    public Optional<Call> call(ProcedureId procedure) {
        return jdbc.sql("SELECT deadline, called_by, called_at FROM negotiation_call WHERE procedure_id = :p")
                .param("p", procedure.value())
                .query((rs, n) -> new Call(rs.getTimestamp("deadline").toInstant(),
                        rs.getObject("called_by", UUID.class), rs.getTimestamp("called_at").toInstant()))
                .optional();
    }

    public void insertCall(ProcedureId procedure, Instant deadline, UUID by, Instant at) {
        jdbc.sql("""
                INSERT INTO negotiation_call (procedure_id, deadline, called_by, called_at)
                VALUES (:p, :deadline, :by, :at)""")
                .param("p", procedure.value()).param("deadline", ts(deadline)).param("by", by).param("at", ts(at))
                .update();
    }

    public void insertChoice(ProcedureId procedure, LotId lot, BidId bid, String reason, UUID by, Instant at) {
        jdbc.sql("""
                INSERT INTO negotiation_choice (lot_id, procedure_id, bid_id, reason, chosen_by, chosen_at)
                VALUES (:lot, :p, :bid, :reason, :by, :at)""")
                .param("lot", lot.value()).param("p", procedure.value()).param("bid", bid.value())
                .param("reason", reason).param("by", by).param("at", ts(at)).update();
    }

    public List<Choice> choices(ProcedureId procedure) {
        return jdbc.sql("""
                SELECT lot_id, bid_id, reason, chosen_by, chosen_at FROM negotiation_choice
                WHERE procedure_id = :p ORDER BY chosen_at""")
                .param("p", procedure.value())
                .query((rs, n) -> new Choice(new LotId(rs.getObject("lot_id", UUID.class)),
                        new BidId(rs.getObject("bid_id", UUID.class)), rs.getString("reason"),
                        rs.getObject("chosen_by", UUID.class), rs.getTimestamp("chosen_at").toInstant()))
                .list();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
