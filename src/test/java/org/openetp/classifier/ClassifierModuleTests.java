package org.openetp.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openetp.ModuleTestDatabase;
import org.openetp.shared.ConflictException;
import org.openetp.shared.InvalidInputException;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * The classifier alone (it needs nothing but {@code shared}): its own beans on a real PostgreSQL with its migrations,
 * without the rest of the platform.
 */
@ApplicationModuleTest
@Import(ModuleTestDatabase.class)
class ClassifierModuleTests {

    private final Classifier classifier;
    private final Synonyms synonyms;

    ClassifierModuleTests(Classifier classifier, Synonyms synonyms) {
        this.classifier = classifier;
        this.synonyms = synonyms;
    }

    @Test
    void aCategoryAddedUnderItsParentIsFoundByCodeAndByNameInEachLanguage() {
        classifier.addCategory(new NewCategory("26.2.M1", "26.2", "Modular test rigs", "Стенды модульные",
                "แท่นทดสอบโมดูล"));

        assertThat(classifier.categories("26.2", null, Locale.ENGLISH)).extracting(Category::code)
                .contains("26.2.M1");
        assertThat(classifier.categories(null, "модульные", Locale.forLanguageTag("ru")))
                .containsExactly(new Category("26.2.M1", "Стенды модульные", "26.2", true));
        assertThat(classifier.categoriesByCode(List.of("26.2.M1"), Locale.forLanguageTag("th")))
                .extracting(Category::name).containsExactly("แท่นทดสอบโมดูล");
        assertThat(classifier.unknownCategories(List.of("26.2.M1", "26.2.M2"))).containsExactly("26.2.M2");
    }

    @Test
    void aCategoryNeedsAKnownParentANewCodeAndItsThreeNames() {
        assertThatThrownBy(() -> classifier.addCategory(new NewCategory("26.2.M3", "NOPE", "x", " ", "x")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field()).containsExactlyInAnyOrder("parentCode", "nameRu"));
        assertThatThrownBy(() -> classifier.addCategory(new NewCategory("26.2", "26", "x", "x", "x")))
                .isInstanceOf(ConflictException.class);
        assertThat(classifier.unknownCategories(List.of("26.2.M3"))).containsExactly("26.2.M3");
    }

    @Test
    void aSynonymNamesItsCategoryAndIsAnnouncedOnceWhenItChangesSomething(AssertablePublishedEvents events) {
        synonyms.add(new Synonym("26.2", "en", "number crunchers"));
        synonyms.add(new Synonym("26.2", "EN", "  number   crunchers "));

        assertThat(synonyms.categoriesNamed(List.of("number crunchers"))).containsEntry("number crunchers",
                List.of("26.2"));
        assertThat(events.ofType(CategorySynonymsChanged.class)).containsExactly(new CategorySynonymsChanged("26.2"));

        synonyms.remove(new Synonym("26.2", "en", "number crunchers"));
        assertThat(synonyms.categoriesNamed(List.of("number crunchers"))).doesNotContainKey("number crunchers");
        assertThat(events.ofType(CategorySynonymsChanged.class)).hasSize(2);
    }
}
