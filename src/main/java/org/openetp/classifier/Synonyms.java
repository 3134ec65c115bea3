package org.openetp.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The words people type for categories, in English, Russian and Thai (seeded for common goods, edited by the
 * operator), and the look-up of the categories a search phrase names, by a synonym or by the category's own name.
 */
@Service
public class Synonyms {

    /** A phrase naming more categories by their names than this is too general to stand for any of them. */
    private static final int MAX_BY_NAME = 3;
    private static final int MAX_NAMED = 8;
    private static final int MAX_TERM_LENGTH = 100;

    private final SynonymRepository repository;
    private final Classifier classifier;
    private final ApplicationEventPublisher events;

    Synonyms(SynonymRepository repository, Classifier classifier, ApplicationEventPublisher events) {
        this.repository = repository;
        this.classifier = classifier;
        this.events = events;
    }

    /**
     * For each phrase that names categories, their codes: by a synonym first, else by the category's name when
     * few categories bear it, else by a synonym a typo away (phrases of 5+ letters).
     */
    @Transactional(readOnly = true)
    public Map<String, List<String>> categoriesNamed(List<String> phrases) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (phrases.isEmpty()) {
            return result;
        }
        SynonymRepository.byPhrase(repository.named(phrases)).forEach((phrase, rows) -> {
            Set<String> codes = new LinkedHashSet<>();
            for (int pref = 0; pref <= 2 && codes.isEmpty(); pref++) {
                int p = pref;
                List<String> of = rows.stream().filter(r -> r.pref() == p).map(SynonymRepository.Named::code)
                        .distinct().toList();
                if (p == 0 || of.size() <= MAX_BY_NAME) {
                    codes.addAll(of);
                }
            }
            if (!codes.isEmpty()) {
                result.put(phrase, List.copyOf(codes).subList(0, Math.min(codes.size(), MAX_NAMED)));
            }
        });
        return result;
    }

    /** Every synonym, by category, language and term. */
    @Transactional(readOnly = true)
    public List<Synonym> all() {
        return repository.all();
    }

    /** The category's synonyms; 404 for an unknown category. */
    @Transactional(readOnly = true)
    public List<Synonym> of(String categoryCode) {
        if (!classifier.unknownCategories(List.of(categoryCode)).isEmpty()) {
            throw new NotFoundException("category " + categoryCode);
        }
        return repository.of(categoryCode);
    }

    /** Adds a synonym (operator); adding one that exists changes nothing. */
    @Transactional
    public Synonym add(Synonym synonym) {
        Synonym valid = validate(synonym);
        if (repository.add(valid)) {
            events.publishEvent(new CategorySynonymsChanged(valid.categoryCode()));
        }
        return valid;
    }

    /** Removes a synonym (operator); removing one that is not there changes nothing. */
    @Transactional
    public void remove(Synonym synonym) {
        Synonym valid = validate(synonym);
        if (repository.remove(valid)) {
            events.publishEvent(new CategorySynonymsChanged(valid.categoryCode()));
        }
    }

    private Synonym validate(Synonym synonym) {
        List<FieldError> errors = new ArrayList<>();
        String code = synonym.categoryCode() == null ? "" : synonym.categoryCode().strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty() || !classifier.unknownCategories(List.of(code)).isEmpty()) {
            errors.add(new FieldError("categoryCode", "classifier.synonym.category"));
        }
        String language = synonym.language() == null ? "" : synonym.language().strip().toLowerCase(Locale.ROOT);
        if (!List.of("en", "ru", "th").contains(language)) {
            errors.add(new FieldError("language", "classifier.synonym.language"));
        }
        String term = synonym.term() == null ? "" : synonym.term().strip().replaceAll("\\s+", " ");
        if (term.codePointCount(0, term.length()) < 2 || term.length() > MAX_TERM_LENGTH
                || term.codePoints().noneMatch(Character::isLetter)) {
            errors.add(new FieldError("term", "classifier.synonym.term"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Synonym(code, language, term.toLowerCase(Locale.ROOT));
    }
}
