package org.openetp.classifier.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Synonym;
import org.openetp.classifier.Synonyms;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Category synonyms: anyone reads them, the operator edits them. */
@RestController
class SynonymsApiController {

    private final Synonyms synonyms;

    SynonymsApiController(Synonyms synonyms) {
        this.synonyms = synonyms;
    }

    @GetMapping("/api/v1/classifier/synonyms")
    @Operation(summary = "Words people type for categories, in en/ru/th", description = """
            A catalogue search (`GET /api/v1/procedures?q=`) whose words name a category by one of these, or by the \
            category's name in any language, also finds that category's procedures (each such result says \
            `matchedCategory`). `category` limits the list to one category's synonyms.""")
    List<Synonym> list(@RequestParam(required = false) @Nullable String category) {
        return category == null || category.isBlank() ? synonyms.all() : synonyms.of(category.strip());
    }

    @PostMapping("/api/v1/operator/classifier/synonyms")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a category synonym (operator)", description = """
            `categoryCode`, `language` (`en`, `ru` or `th`), `term` (2 to 100 characters). Stored lower-cased; \
            adding one that exists changes nothing. Catalogue searches use it at once, on every node.""")
    Synonym add(@RequestBody Synonym synonym) {
        return synonyms.add(synonym);
    }

    @DeleteMapping("/api/v1/operator/classifier/synonyms")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a category synonym (operator)")
    void remove(@RequestParam String categoryCode, @RequestParam String language, @RequestParam String term) {
        synonyms.remove(new Synonym(categoryCode, language, term));
    }
}
