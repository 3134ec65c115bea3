package org.openetp.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web fonts (the Thai face of {@code static/css/app.css}) may be kept by browsers and proxies for a month: they
 * change only with a release that renames them, and a Thai reader should not fetch 40 KB on every page. The other
 * static files keep the default (revalidated), since they change with every release under the same names.
 */
@Configuration(proxyBeanMethods = false)
class WebFonts implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/fonts/**").addResourceLocations("classpath:/static/css/fonts/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic());
    }
}
