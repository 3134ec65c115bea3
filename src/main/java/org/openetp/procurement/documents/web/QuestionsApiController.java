package org.openetp.procurement.documents.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.documents.Clarifications;
import org.openetp.procurement.documents.QuestionView;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Clarification questions over the API: public answers, anonymous questions, the buyer's answers. */
@RestController
@RequestMapping("/api/v1/procedures/{id}/questions")
class QuestionsApiController {

    /** A question, asked for the named supplier organization or the caller's only one. */
    record Ask(@Nullable String text, @Nullable UUID organizationId) {
    }

    record Answer(@Nullable String text) {
    }

    private final Clarifications clarifications;

    QuestionsApiController(Clarifications clarifications) {
        this.clarifications = clarifications;
    }

    @GetMapping
    List<QuestionView> list(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id) {
        return clarifications.list(user, new ProcedureId(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    QuestionView ask(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @RequestBody Ask body) {
        return clarifications.ask(user, new ProcedureId(id), body.text(), body.organizationId());
    }

    @PostMapping("/{questionId}/answer")
    QuestionView answer(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID questionId, @RequestBody Answer body) {
        return clarifications.answer(user, new ProcedureId(id), questionId, body.text());
    }
}
