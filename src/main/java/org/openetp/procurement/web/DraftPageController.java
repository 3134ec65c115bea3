package org.openetp.procurement.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.openetp.classifier.Classifier;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.Drafts;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureView;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.web.PageActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The draft editor's pages (issue 17): the draft's content, its lots as a list with a form to add one, a page per
 * lot to change it, removal behind a confirmation, and the copy of a procedure into a new draft. A refused form is
 * shown again with what was typed and the reason beside each field; a procedure no longer a draft goes to its page.
 */
@Controller
class DraftPageController {

    private final Drafts drafts;
    private final Classifier classifier;
    private final PageActions actions;

    DraftPageController(Drafts drafts, Classifier classifier, PageActions actions) {
        this.drafts = drafts;
        this.classifier = classifier;
        this.actions = actions;
    }

    @GetMapping("/procedures/{id}/draft")
    String editor(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        return draftOrPage(id, redirect, () -> {
            ProcedureView draft = drafts.editable(user, new ProcedureId(id));
            return renderEditor(model, request, draft, DraftForms.contentForm(draft), Map.of(), Map.of(), Map.of());
        });
    }

    @PostMapping("/procedures/{id}/draft")
    String saveContent(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        return draftOrPage(id, redirect, () -> {
            try {
                drafts.edit(user, new ProcedureId(id),
                        DraftForms.content(form, drafts.editable(user, new ProcedureId(id))));
            } catch (InvalidInputException e) {
                ProcedureView draft = drafts.editable(user, new ProcedureId(id));
                return renderEditor(model, request, draft, form, errors(e), Map.of(), Map.of());
            }
            redirect.addFlashAttribute("info", "draft.saved");
            return editorPath(id);
        });
    }

    @PostMapping("/procedures/{id}/draft/lots")
    String addLot(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        return draftOrPage(id, redirect, () -> {
            try {
                drafts.addLot(user, new ProcedureId(id), DraftForms.lot(form));
            } catch (InvalidInputException e) {
                ProcedureView draft = drafts.editable(user, new ProcedureId(id));
                return renderEditor(model, request, draft, DraftForms.contentForm(draft), Map.of(), form, errors(e));
            }
            redirect.addFlashAttribute("info", "draft.lot.added");
            return editorPath(id) + "#draft-lots";
        });
    }

    @GetMapping("/procedures/{id}/draft/lots/{lotId}")
    String lotPage(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            Model model, HttpServletRequest request, RedirectAttributes redirect) {
        return draftOrPage(id, redirect, () -> {
            ProcedureView draft = drafts.editable(user, new ProcedureId(id));
            return renderLot(model, request, draft, lotId, DraftForms.lotForm(lotOf(draft, lotId)), Map.of());
        });
    }

    @PostMapping("/procedures/{id}/draft/lots/{lotId}")
    String changeLot(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            @RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        return draftOrPage(id, redirect, () -> {
            try {
                drafts.changeLot(user, new ProcedureId(id), new LotId(lotId), DraftForms.lot(form));
            } catch (InvalidInputException e) {
                ProcedureView draft = drafts.editable(user, new ProcedureId(id));
                return renderLot(model, request, draft, lotId, form, errors(e));
            }
            redirect.addFlashAttribute("info", "draft.lot.changed");
            return editorPath(id) + "#draft-lots";
        });
    }

    @PostMapping("/procedures/{id}/draft/lots/{lotId}/remove")
    String removeLot(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID lotId,
            RedirectAttributes redirect) {
        return actions.run("/procedures/" + id + "/draft", redirect, "draft.lot.removed",
                () -> drafts.removeLot(user, new ProcedureId(id), new LotId(lotId)));
    }

    @PostMapping("/procedures/{id}/copy")
    String copy(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        String[] copy = new String[1];
        String fallback = actions.run("/procedures/" + id, redirect, "draft.copied",
                () -> copy[0] = drafts.copy(user, new ProcedureId(id)).id().toString());
        return copy[0] == null ? fallback : editorPath(UUID.fromString(copy[0]));
    }

    /** Runs a page of the editor; a procedure that is no draft (any more) shows its own page with the reason. */
    private String draftOrPage(UUID id, RedirectAttributes redirect, Supplier<String> page) {
        try {
            return page.get();
        } catch (RuleViolationException | ForbiddenException e) {
            return actions.run("/procedures/" + id, redirect, () -> {
                throw e;
            });
        }
    }

    private String renderEditor(Model model, HttpServletRequest request, ProcedureView draft,
            Map<String, String> form, Map<String, String> errors, Map<String, String> lotForm,
            Map<String, String> lotErrors) {
        choices(model, request);
        model.addAttribute("p", draft);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("lotForm", lotForm.isEmpty() ? Map.of("unit", "pcs") : lotForm);
        model.addAttribute("lotErrors", lotErrors);
        model.addAttribute("criteriaRows", Math.min(DraftForms.MAX_CRITERIA, Math.max(3, draft.criteria().size() + 1)));
        // The settings the draft's kind takes; a refused form that changed the kind shows every setting, so that
        // one the new kind refuses (two envelopes for an auction) can be switched off where it is named.
        boolean sameKind = draft.kind().name().equals(form.getOrDefault("kind", draft.kind().name()));
        model.addAttribute("fieldsKind", sameKind ? draft.kind() : null);
        model.addAttribute("showLanguage", false);
        return "procurement/draft";
    }

    private String renderLot(Model model, HttpServletRequest request, ProcedureView draft, UUID lotId,
            Map<String, String> lotForm, Map<String, String> lotErrors) {
        choices(model, request);
        model.addAttribute("p", draft);
        model.addAttribute("lot", lotOf(draft, lotId));
        model.addAttribute("lotForm", lotForm);
        model.addAttribute("lotErrors", lotErrors);
        return "procurement/draft-lot";
    }

    private void choices(Model model, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        model.addAttribute("kinds", List.of(ProcedureKind.values()));
        model.addAttribute("categories", classifier.all(locale).stream().filter(c -> c.parentCode() != null).toList());
        model.addAttribute("regions", classifier.regions(locale));
    }

    private static ProcedureView.LotView lotOf(ProcedureView draft, UUID lotId) {
        return draft.lots().stream().filter(l -> l.id().value().equals(lotId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Lot"));
    }

    private static Map<String, String> errors(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.messageKey()));
        return errors;
    }

    private static String editorPath(UUID id) {
        return "redirect:/procedures/" + id + "/draft";
    }
}
