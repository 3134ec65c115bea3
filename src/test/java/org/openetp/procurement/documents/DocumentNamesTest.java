package org.openetp.procurement.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentNamesTest {

    @Test
    void keepsOnlyTheLastElementOfAClientPath() {
        assertThat(DocumentNames.sanitize("C:\\Users\\ivan\\Desktop\\spec.pdf")).isEqualTo("spec.pdf");
        assertThat(DocumentNames.sanitize("../../etc/passwd.txt")).isEqualTo("passwd.txt");
    }

    @Test
    void dropsTheRightToLeftOverrideThatDisguisesAnExtension() {
        // Displayed as "invoice_fdp.exe" reversed: "invoice_exe.pdf" in a naive list.
        assertThat(DocumentNames.sanitize("invoice_\u202Efdp.exe")).isEqualTo("invoice_fdp.exe");
    }

    @Test
    void removesCharactersThatBreakHeadersOrWindowsAndTrimsDotsAndSpaces() {
        assertThat(DocumentNames.sanitize("  ..\"offer\"<1>|\r\n  final?.pdf. ")).isEqualTo("offer1 final.pdf");
        assertThat(DocumentNames.sanitize(".htaccess.txt")).isEqualTo("htaccess.txt");
    }

    @Test
    void keepsCyrillicAndThaiNamesInComposedForm() {
        assertThat(DocumentNames.sanitize("Техническое задание.docx")).isEqualTo("Техническое задание.docx");
        assertThat(DocumentNames.sanitize("e\u0301te\u0301.pdf")).isEqualTo("\u00e9t\u00e9.pdf");
        assertThat(DocumentNames.sanitize("ข้อกำหนด.pdf")).isEqualTo("ข้อกำหนด.pdf");
    }

    @Test
    void shortensLongNamesKeepingTheExtension() {
        String sanitized = DocumentNames.sanitize("я".repeat(300) + ".xlsx");
        assertThat(sanitized).hasSize(DocumentNames.MAX_LENGTH).endsWith("я.xlsx");
    }

    @Test
    void refusesNamesWithNothingLeft() {
        assertThat(DocumentNames.sanitize(null)).isNull();
        assertThat(DocumentNames.sanitize(" ... ")).isNull();
        assertThat(DocumentNames.sanitize("dir/")).isNull();
    }
}
