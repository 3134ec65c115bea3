package org.openetp.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openetp.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Page speed (issue 16): the tree and the regions the pickers render are kept in memory per language, and a
 * category the operator adds is in the tree at once.
 */
@IntegrationTest
class ClassifierTreeCacheTests {

    private static final Locale RU = Locale.forLanguageTag("ru");

    @Autowired
    Classifier classifier;

    @Test
    void theTreeAndRegionsAreInTheReadersLanguageWhateverTheLocalesCountry() {
        assertThat(name(classifier.all(Locale.ENGLISH), "26.2")).isEqualTo("Computers and peripheral equipment");
        assertThat(name(classifier.all(RU), "26.2")).isEqualTo("Компьютеры и периферийное оборудование");
        assertThat(name(classifier.all(Locale.forLanguageTag("ru-RU")), "26.2"))
                .isEqualTo("Компьютеры и периферийное оборудование");
        assertThat(classifier.regions(Locale.forLanguageTag("th")).stream()
                .filter(r -> r.code().equals("RU-MOW")).findFirst().orElseThrow().name()).isEqualTo("มอสโก");
        assertThat(classifier.regions(Locale.ENGLISH)).isEqualTo(classifier.regions(Locale.ENGLISH));
    }

    @Test
    void aNewCategoryIsInTheKeptTreeAtOnce() {
        List<Category> before = classifier.all(RU);
        String code = "62.0.C" + (System.nanoTime() % 1000);

        classifier.addCategory(new NewCategory(code, "62.0", "Cached platforms", "Платформы в кэше", "แพลตฟอร์ม"));

        List<Category> after = classifier.all(RU);
        assertThat(after).hasSize(before.size() + 1);
        assertThat(name(after, code)).isEqualTo("Платформы в кэше");
        assertThat(name(classifier.all(Locale.ENGLISH), code)).isEqualTo("Cached platforms");
        int parent = after.indexOf(after.stream().filter(c -> c.code().equals("62.0")).findFirst().orElseThrow());
        assertThat(after.stream().map(Category::code).toList().indexOf(code)).isGreaterThan(parent);
    }

    @Test
    void theKeptListsCannotBeChangedByACaller() {
        assertThatThrownBy(() -> classifier.all(Locale.ENGLISH).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> classifier.regions(Locale.ENGLISH).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static String name(List<Category> tree, String code) {
        return tree.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow().name();
    }
}
