package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openetp.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Page speed (issue 16): links to static files still resolve through the resource chain (the webjars' version-free
 * paths get their version), page links are written as the template has them, and Boot's filter is not also there.
 */
class StaticLinkEncodingTests extends ApiTest {

    @Autowired
    ApplicationContext context;

    @Test
    void webjarLinksGetTheirVersionEveryTime() {
        for (int i = 0; i < 3; i++) {
            String page = api.get("/login").body();

            assertThat(page).containsPattern("href=\"/webjars/bootstrap/\\d[^/\"]*/css/bootstrap\\.min\\.css\"")
                    .containsPattern("src=\"/webjars/htmx\\.org/\\d[^/\"]*/dist/htmx\\.min\\.js\"")
                    .doesNotContain("\"/webjars/bootstrap/css/");
        }
    }

    @Test
    void ownStaticFilesAndPageLinksAreWrittenAsTheyAre() {
        for (int i = 0; i < 3; i++) {
            String page = api.get("/login").body();

            assertThat(page).contains("href=\"/css/app.css\"", "src=\"/js/forms.js\"", "href=\"/login\"")
                    .containsPattern("href=\"[^\"]*\\?lang=en\"");
        }
    }

    @Test
    void theOnlyResourceUrlEncodingFilterIsOurs() {
        var filters = context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .map(FilterRegistrationBean::getFilter)
                .filter(f -> f instanceof ResourceUrlEncodingFilter).toList();

        assertThat(filters).singleElement().isInstanceOf(StaticLinkEncoding.StaticLinkEncodingFilter.class);
    }

    @Test
    void aLinkIsStaticWhenItsLastSegmentHasAnExtension() {
        assertThat(StaticLinkEncoding.isStatic("/webjars/htmx.org/dist/htmx.min.js")).isTrue();
        assertThat(StaticLinkEncoding.isStatic("/css/app.css?v=1#x")).isTrue();
        assertThat(StaticLinkEncoding.isStatic("/webjars/htmx.org/dist")).isFalse();
        assertThat(StaticLinkEncoding.isStatic("/procedures/12?sort=a.b")).isFalse();
        assertThat(StaticLinkEncoding.isStatic("/procedures#x.y")).isFalse();
        assertThat(StaticLinkEncoding.isStatic("/")).isFalse();
        assertThat(StaticLinkEncoding.isStatic("/a/.hidden")).isFalse();
        assertThat(StaticLinkEncoding.isStatic("/a/name.")).isFalse();
    }
}
