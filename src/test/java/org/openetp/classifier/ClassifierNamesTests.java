package org.openetp.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openetp.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

/** Pages name a lot's category, region and an organization's country in the reader's language (issue 16). */
@IntegrationTest
class ClassifierNamesTests {

    @Autowired
    ClassifierNames names;

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void namesCodesInTheRequestsLanguageAndLeavesUnknownCodesAsTheyAre() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        assertThat(names.region("RU-MOW")).isEqualTo("Москва");
        assertThat(names.category("26.2")).isEqualTo("Компьютеры и периферийное оборудование");
        assertThat(names.country("RU")).isEqualTo("Россия");

        LocaleContextHolder.setLocale(Locale.forLanguageTag("th"));
        assertThat(names.region("RU-MOW")).isEqualTo("มอสโก");
        assertThat(names.category("26.2")).isEqualTo("คอมพิวเตอร์และอุปกรณ์ต่อพ่วง");

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(names.region("RU-MOW")).isEqualTo("Moscow");
        assertThat(names.categoryWithCode("26.2")).isEqualTo("26.2 Computers and peripheral equipment");
        assertThat(names.region("XX-NOPE")).isEqualTo("XX-NOPE");
        assertThat(names.region(null)).isEmpty();
    }
}
