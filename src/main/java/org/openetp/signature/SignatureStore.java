package org.openetp.signature;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered certificates and kept signed documents (tables of migration signature/V1). */
@Repository
class SignatureStore {

    /** A registered certificate with its owner and encoding. */
    record StoredCertificate(CertificateView view, UserId owner, byte[] der, String chainPem) {
    }

    /** A kept signed document with what re-verification needs. */
    record StoredDocument(SignedDocumentView view, UUID certificateId, String document, byte[] signature,
            boolean isPublic) {
    }

    private final JdbcClient jdbc;

    SignatureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertCertificate(UserId owner, CertificateView c, byte[] der, String chainPem) {
        jdbc.sql("""
                INSERT INTO signing_certificate (id, user_id, subject, issuer, serial_number, fingerprint, not_before,
                    not_after, der, registered_at, chain_pem)
                VALUES (:id, :user, :subject, :issuer, :serial, :fingerprint, :notBefore, :notAfter, :der, :at, :chain)
                """)
                .param("id", c.id()).param("user", owner.value()).param("subject", c.subject())
                .param("issuer", c.issuer()).param("serial", c.serialNumber()).param("fingerprint", c.fingerprint())
                .param("notBefore", Timestamp.from(c.notBefore())).param("notAfter", Timestamp.from(c.notAfter()))
                .param("der", der).param("at", Timestamp.from(c.registeredAt())).param("chain", chainPem)
                .update();
    }

    boolean fingerprintTaken(String fingerprint) {
        return jdbc.sql("SELECT count(*) FROM signing_certificate WHERE fingerprint = :f").param("f", fingerprint)
                .query(Long.class).single() > 0;
    }

    List<CertificateView> certificatesOf(UserId owner) {
        return jdbc.sql("SELECT * FROM signing_certificate WHERE user_id = :user ORDER BY registered_at DESC")
                .param("user", owner.value()).query((rs, n) -> certificate(rs).view()).list();
    }

    Optional<StoredCertificate> certificate(UUID id) {
        return jdbc.sql("SELECT * FROM signing_certificate WHERE id = :id").param("id", id)
                .query((rs, n) -> certificate(rs)).optional();
    }

    Optional<StoredCertificate> certificateByFingerprint(String fingerprint) {
        return jdbc.sql("SELECT * FROM signing_certificate WHERE fingerprint = :f").param("f", fingerprint)
                .query((rs, n) -> certificate(rs)).optional();
    }

    /** Revokes the owner's certificate once; false when it is not the owner's or was revoked already. */
    boolean revoke(UUID id, UserId owner, Instant at) {
        return jdbc.sql("""
                UPDATE signing_certificate SET revoked_at = :at
                WHERE id = :id AND user_id = :user AND revoked_at IS NULL
                """).param("at", Timestamp.from(at)).param("id", id).param("user", owner.value()).update() == 1;
    }

    void insertDocument(SignedDocumentView d, UUID userId, UUID certificateId, String document, byte[] signature,
            boolean isPublic) {
        jdbc.sql("""
                INSERT INTO signed_document (id, purpose, reference, organization_id, user_id, certificate_id,
                    document, sha256, signature, signed_at, public)
                VALUES (:id, :purpose, :reference, :organization, :user, :certificate, :document, :sha256,
                    :signature, :at, :public)
                """)
                .param("id", d.id()).param("purpose", d.purpose().name()).param("reference", d.reference())
                .param("organization", d.organizationId()).param("user", userId).param("certificate", certificateId)
                .param("document", document).param("sha256", d.sha256()).param("signature", signature)
                .param("at", Timestamp.from(d.signedAt())).param("public", isPublic)
                .update();
    }

    Optional<StoredDocument> document(UUID id) {
        return jdbc.sql("""
                SELECT d.*, c.subject FROM signed_document d JOIN signing_certificate c ON c.id = d.certificate_id
                WHERE d.id = :id
                """).param("id", id).query((rs, n) -> document(rs)).optional();
    }

    private static StoredCertificate certificate(ResultSet rs) throws SQLException {
        return new StoredCertificate(new CertificateView(rs.getObject("id", UUID.class), rs.getString("subject"),
                rs.getString("issuer"), rs.getString("serial_number"), rs.getString("fingerprint"),
                instant(rs.getTimestamp("not_before")), instant(rs.getTimestamp("not_after")),
                instant(rs.getTimestamp("registered_at")), nullableInstant(rs.getTimestamp("revoked_at"))),
                new UserId(rs.getObject("user_id", UUID.class)), rs.getBytes("der"), rs.getString("chain_pem"));
    }

    private static StoredDocument document(ResultSet rs) throws SQLException {
        return new StoredDocument(new SignedDocumentView(rs.getObject("id", UUID.class),
                SignaturePurpose.valueOf(rs.getString("purpose")),
                rs.getString("reference"), rs.getObject("organization_id", UUID.class), rs.getString("subject"),
                rs.getString("sha256"), instant(rs.getTimestamp("signed_at"))),
                rs.getObject("certificate_id", UUID.class), rs.getString("document"), rs.getBytes("signature"),
                rs.getBoolean("public"));
    }

    private static Instant instant(Timestamp t) {
        return t.toInstant();
    }

    private static @Nullable Instant nullableInstant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
