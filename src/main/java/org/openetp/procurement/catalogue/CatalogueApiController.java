package org.openetp.procurement.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public catalogue over the API (API.md "Procedures": {@code GET /api/v1/procedures}). */
@RestController
class CatalogueApiController {

    private final Catalogue catalogue;

    CatalogueApiController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/procedures")
    @Operation(summary = "Search the public catalogue of procedures", description = """
            Public; drafts and closed tenders are never listed, cancelled and finished procedures are, with their \
            status (filter with `status`). `q`: words in Russian or English (stemmed: "ноутбуки" finds "ноутбук", \
            "laptops" finds "laptop"; quotes, `or` and `-word` work) or Thai text, matched as substrings. \
            `category`: classifier codes, each with its subcategories (`C` includes `26.2`). `region`, `kind`, \
            `status`: codes; several values, repeated or comma-separated, mean any of them. `currency` with \
            `priceFrom`/`priceTo`: a lot's start price in the range. `deadlineFrom`/`deadlineTo`: ISO-8601 \
            instants or dates (whole UTC days, inclusive). `sort`: `relevance` (default with `q`), `newest` \
            (default otherwise), `deadline`, `price_asc`, `price_desc`; relevance lists open procedures first and \
            ranks the 1,000 newest matches. `page` from 0, `size` 1 to 100 (20). \
            `total` stops at 1,000 (`totalExact` false past it), and pages end there. `next` is a cursor: send it \
            back as `cursor` (instead of `page`) for the following page; it continues after the last item even \
            when procedures are published meanwhile, and with the index-ordered sorts it goes past the first 1,000. \
            Words that name a category in English, Russian or Thai, or one of its synonyms \
            (`GET /api/v1/classifier/synonyms`; a typo of 5+ letters away counts too), also find that category's \
            procedures in every language: such an item says `matchedCategory`. `facets=true` adds `facets`: counts \
            of the matches per top-level category (section), region and kind, at most 12 each, over the first \
            1,000 matches (`exact` false past them). Bad values answer 400 \
            naming each parameter.""")
    CataloguePage search(@ParameterObject CatalogueSearch search) {
        return catalogue.search(search);
    }
}
