package org.openetp.procurement.documents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.Role;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.QuestionAnswered;
import org.openetp.procurement.QuestionAsked;
import org.openetp.procurement.domain.Procedure;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clarifications (SPEC §5.4): an accredited supplier asks about a published procedure until its clarification
 * deadline; nobody — the buyer included — learns who asked; the buyer's answers are public to all.
 */
@Service
public class Clarifications {

    static final int MAX_QUESTION = 5_000;
    static final int MAX_ANSWER = 20_000;

    private final ProcedureAccess access;
    private final QuestionRepository questions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Clarifications(ProcedureAccess access, QuestionRepository questions, ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.questions = questions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The questions the caller may read: the answered ones for everybody, also the unanswered ones for the buyer's
     * organization, and its own for the asking organization.
     */
    @Transactional(readOnly = true)
    public List<QuestionView> list(@Nullable CurrentUser user, ProcedureId id) {
        Procedure procedure = access.visible(user, id);
        return questions.visible(id, access.buyerSide(user, procedure), access.organizationsOf(user));
    }

    /**
     * Asks a question for a supplier organization (the one named, or the caller's only one); refused after the
     * clarification deadline with the server time.
     */
    @Transactional
    public QuestionView ask(CurrentUser user, ProcedureId id, @Nullable String text, @Nullable UUID organizationId) {
        Procedure procedure = access.visible(user, id);
        UUID asker = askingOrganization(user, procedure, organizationId);
        Instant now = clock.instant();
        requireAcceptingQuestions(procedure, now);
        String question = text(text, MAX_QUESTION);
        UUID questionId = UUID.randomUUID();
        questions.insert(questionId, id, asker, user.id().value(), question, now);
        events.publishEvent(new QuestionAsked(id, questionId, procedure.buyer(), now));
        return questions.find(id, questionId, List.of(asker)).orElseThrow();
    }

    /** Answers a question once, publicly (buyer), while the procedure is still published. */
    @Transactional
    public QuestionView answer(CurrentUser user, ProcedureId id, UUID questionId, @Nullable String text) {
        Procedure procedure = access.forBuyer(user, id, false);
        if (procedure.status() != ProcedureStatus.PUBLISHED) {
            throw new RuleViolationException("question.answer.closed", procedure.status().name());
        }
        QuestionView question = questions.find(id, questionId, List.of())
                .orElseThrow(() -> new NotFoundException("Question"));
        if (question.answered()) {
            throw new RuleViolationException("question.alreadyAnswered");
        }
        String answer = text(text, MAX_ANSWER);
        Instant now = clock.instant();
        if (!questions.answer(id, questionId, answer, user.id().value(), now)) {
            throw new RuleViolationException("question.alreadyAnswered");
        }
        events.publishEvent(new QuestionAnswered(id, questionId, user.id().value(), now));
        return questions.find(id, questionId, access.organizationsOf(user)).orElseThrow();
    }

    private static void requireAcceptingQuestions(Procedure procedure, Instant now) {
        if (procedure.status() != ProcedureStatus.PUBLISHED) {
            throw new RuleViolationException("question.notAccepting", procedure.status().name());
        }
        Instant deadline = procedure.clarificationDeadline();
        if (deadline == null || !now.isBefore(deadline)) {
            throw new RuleViolationException("question.late", String.valueOf(deadline), now.toString());
        }
    }

    /**
     * The supplier organization the caller asks for. Not the buyer's own: a question to oneself would only be a way
     * to publish text as if a supplier had asked.
     */
    private UUID askingOrganization(CurrentUser user, Procedure procedure, @Nullable UUID named) {
        UUID organization;
        if (named != null) {
            organization = named;
        } else {
            List<Membership> suppliers = access.memberships(user).stream()
                    .filter(m -> m.has(Role.SUPPLIER) && !m.organization().value().equals(procedure.buyer()))
                    .toList();
            if (suppliers.isEmpty()) {
                throw new ForbiddenException(access.buyerSide(user, procedure)
                        ? "question.ownProcedure" : "organization.role.missing");
            }
            if (suppliers.size() > 1) {
                throw new InvalidInputException("organizationId", "procedure.organization.choose");
            }
            organization = suppliers.getFirst().organization().value();
        }
        if (organization.equals(procedure.buyer())) {
            throw new ForbiddenException("question.ownProcedure");
        }
        access.requireRole(user, organization, Role.SUPPLIER);
        return organization;
    }

    private static String text(@Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("text", "field.required");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException("text", "field.tooLong");
        }
        return stripped;
    }
}
