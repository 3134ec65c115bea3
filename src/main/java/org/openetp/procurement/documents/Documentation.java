package org.openetp.procurement.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.DocumentationAmended;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Procedure documentation (SPEC §5.3): the buyer attaches files, checked against the type allow-list and the size
 * limit; anyone downloads those of a public procedure, free and without logging in (SPEC §4.2). Changing the
 * documentation of a published procedure is an amendment: it publishes a new version at once, extends a deadline
 * that has become too close, and flags the bids already submitted for re-confirmation.
 */
@Service
public class Documentation {

    /** How many files one upload (one version) may carry. */
    static final int MAX_FILES = 20;

    private final ProcedureAccess access;
    private final ProcedureRepository procedures;
    private final DocumentRepository documents;
    private final DocumentFiles files;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DocumentsProperties properties;

    Documentation(ProcedureAccess access, ProcedureRepository procedures, DocumentRepository documents,
            DocumentFiles files, ApplicationEventPublisher events, Clock clock, DocumentsProperties properties) {
        this.access = access;
        this.procedures = procedures;
        this.documents = documents;
        this.files = files;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /** The versions and documents of a procedure: public unless a draft; replaced documents stay listed. */
    @Transactional(readOnly = true)
    public DocumentationView list(@Nullable CurrentUser user, ProcedureId id) {
        Procedure procedure = access.visible(user, id);
        return new DocumentationView(documents.versions(id),
                documents.documents(id, access.buyerSide(user, procedure)));
    }

    /**
     * The published versions and documents of a procedure as anyone may see them once it is public, for the open-data
     * publication (the platform reads it; the caller decides whether the procedure may be published at all).
     */
    @Transactional(readOnly = true)
    public DocumentationView describe(ProcedureId id) {
        return new DocumentationView(documents.versions(id), documents.documents(id, false));
    }

    /** One document's bytes for download, under the same visibility as the list. */
    @Transactional(readOnly = true)
    public Download download(@Nullable CurrentUser user, ProcedureId id, UUID documentId) {
        Procedure procedure = access.visible(user, id);
        DocumentView document = documents.document(id, documentId, access.buyerSide(user, procedure))
                .orElseThrow(() -> new NotFoundException("Document"));
        return new Download(document.name(), document.contentType(), document.size(), document.sha256(),
                files.content(id, document.sha256()));
    }

    /**
     * Attaches files, optionally replacing one document in force (buyer). On a draft the files join the first
     * version, published with the procedure; on a published procedure before its deadline they publish the next
     * version as an amendment. Every file is checked before anything is stored; one bad file refuses them all.
     */
    @Transactional
    public UploadResult upload(CurrentUser user, ProcedureId id, List<Upload> uploads, @Nullable UUID replaces) {
        // Refuse what can be refused before reading megabytes: the caller's role, the state, the form.
        Procedure early = access.forBuyer(user, id, false);
        early.requireDocumentationOpen(clock.instant());
        List<Checked> checked = checkForm(id, uploads, replaces);
        List<DocumentFiles.Received> received = new ArrayList<>();
        try {
            receive(checked, received);
            return attach(user, id, checked, received, replaces);
        } finally {
            // Whatever was not moved into place (a refusal, a failure) leaves nothing behind.
            received.forEach(files::discard);
        }
    }

    /** The extensions the allow-list accepts, for forms and hints. */
    public List<String> allowedExtensions() {
        return DocumentType.allExtensions();
    }

    /** The largest file accepted, in bytes. */
    public long maxDocumentSize() {
        return properties.maxDocumentSize().toBytes();
    }

    private record Checked(String field, String name, DocumentType type, Upload upload) {
    }

    private List<Checked> checkForm(ProcedureId id, List<Upload> uploads, @Nullable UUID replaces) {
        if (uploads.isEmpty()) {
            throw new InvalidInputException("file", "field.required");
        }
        if (uploads.size() > MAX_FILES) {
            throw new InvalidInputException("file", "documents.tooMany");
        }
        List<FieldError> errors = new ArrayList<>();
        if (replaces != null && uploads.size() != 1) {
            errors.add(new FieldError("replaces", "documents.replaces.oneFile"));
        } else if (replaces != null && !documents.isCurrent(id, replaces)) {
            errors.add(new FieldError("replaces", "documents.replaces.unknown"));
        }
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            String field = uploads.size() == 1 ? "file" : "file[" + i + "]";
            String name = DocumentNames.sanitize(upload.name());
            DocumentType type = name == null ? null : DocumentType.ofName(name).orElse(null);
            if (name == null) {
                errors.add(new FieldError(field, "documents.name.invalid"));
            } else if (type == null) {
                errors.add(new FieldError(field, "documents.type.notAllowed"));
            } else if (upload.size() <= 0) {
                errors.add(new FieldError(field, "documents.empty"));
            } else if (upload.size() > maxDocumentSize()) {
                errors.add(new FieldError(field, "documents.tooLarge"));
            } else {
                checked.add(new Checked(field, name, type, upload));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return checked;
    }

    /** Reads every file into the incoming directory and checks its content against its claimed type. */
    private void receive(List<Checked> checked, List<DocumentFiles.Received> received) {
        List<FieldError> errors = new ArrayList<>();
        for (Checked c : checked) {
            try {
                DocumentFiles.Received file = files.receive(c.upload().content().getInputStream(), maxDocumentSize());
                received.add(file);
                if (file.size() == 0) {
                    errors.add(new FieldError(c.field(), "documents.empty"));
                } else if (c.type().archive() && ArchiveBudget.exceeded(file.path())) {
                    errors.add(new FieldError(c.field(), "documents.archive.tooLarge"));
                } else if (!c.type().matches(file.path())) {
                    errors.add(new FieldError(c.field(), "documents.content.mismatch"));
                }
            } catch (DocumentFiles.TooLarge e) {
                errors.add(new FieldError(c.field(), "documents.tooLarge"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private UploadResult attach(CurrentUser user, ProcedureId id, List<Checked> checked,
            List<DocumentFiles.Received> received, @Nullable UUID replaces) {
        Procedure procedure = access.forBuyer(user, id, true);
        Instant now = clock.instant();
        procedure.requireDocumentationOpen(now);
        boolean draft = procedure.status() == ProcedureStatus.DRAFT;
        int version;
        boolean extended = false;
        if (draft) {
            version = 1;
            documents.insertVersion(id, version, null, user.id().value(), procedure.submissionDeadline(), false);
        } else {
            Instant before = procedure.submissionDeadline();
            extended = !procedure.amend(now, properties.amendmentMinRemaining()).equals(before);
            version = documents.lastVersion(id) + 1;
            documents.insertVersion(id, version, now, user.id().value(), procedure.submissionDeadline(), extended);
            procedures.update(procedure);
            documents.flagBidsForReconfirmation(id);
        }
        if (replaces != null && !documents.markReplaced(id, replaces, version)) {
            throw new InvalidInputException("replaces", "documents.replaces.unknown");
        }
        List<DocumentView> added = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            Checked c = checked.get(i);
            DocumentFiles.Received file = received.get(i);
            files.store(id, file);
            DocumentView document = new DocumentView(UUID.randomUUID(), c.name(), c.type().contentType(),
                    file.size(), file.sha256(), version, replaces, null, now);
            documents.insertDocument(id, document, user.id().value());
            added.add(document);
        }
        if (!draft) {
            events.publishEvent(new DocumentationAmended(id, version, procedure.submissionDeadline(),
                    user.id().value(), now));
        }
        return new UploadResult(version, !draft, procedure.submissionDeadline(), extended, added);
    }
}
