package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;

/**
 * Issue 16 item 7: Thai renders on a machine without Thai fonts, because the pages' stylesheet brings the face the
 * PDFs embed, only for Thai characters, with its licence beside it, cacheable.
 */
class ThaiWebFontTests extends ApiTest {

    private static final Pattern FACE = Pattern.compile("@font-face\\s*\\{([^}]*)}");

    @Test
    void theStylesheetServesTheThaiFaceForThaiCharactersOnly() {
        String css = api.get("/css/app.css").body();

        Matcher face = FACE.matcher(css);
        assertThat(face.find()).as("an @font-face in app.css").isTrue();
        assertThat(face.group(1)).contains("font-family: \"OpenETP Thai\"", "url(\"fonts/loma.woff2\")",
                "unicode-range: U+0E00-0E7F");
        assertThat(css).containsPattern("--bs-body-font-family:\\s*\"OpenETP Thai\",");
    }

    @Test
    void theFontAnswersAsAFontAndMayBeCached() {
        for (String font : new String[] {"/css/fonts/loma.woff2", "/css/fonts/loma-bold.woff2"}) {
            Api.Response response = api.get(font);

            assertThat(response.status()).as(font).isEqualTo(200);
            assertThat(response.header("Content-Type")).as(font).isEqualTo("font/woff2");
            assertThat(response.body()).as("a woff2 file starts with its signature").startsWith("wOF2");
            assertThat(response.header("Cache-Control")).as(font).contains("max-age=2592000", "public")
                    .doesNotContain("no-store");
        }
    }

    @Test
    void itsLicenceShipsBesideIt() {
        Api.Response licence = api.get("/css/fonts/LICENSE-TLWG-Loma.txt");

        assertThat(licence.status()).isEqualTo(200);
        assertThat(licence.body()).contains("fonts-tlwg", "GPL-2+ with Font exception");
    }
}
