package org.openetp.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Thymeleaf's caches sized for this application (issue 16). Its defaults keep 200 parsed templates (each fragment
 * selection such as {@code ~{fragments/layout :: nav}} is an entry of its own) and 500 parsed expressions, and evict
 * the oldest entry first; the templates hold over 3,000 distinct attribute expressions, so under a mix of pages both
 * caches were evicting constantly: the pages benchmark's profile showed about 9 % of the CPU in parsing templates and
 * expressions again and in compiling the same SpEL expressions again (the SpEL compiler makes a class each time).
 * The sizes below hold every template and expression with room to grow; a parsed expression is a few hundred bytes.
 */
@Configuration(proxyBeanMethods = false)
class TemplateCaches {

    static final int TEMPLATES = 2_000;
    static final int EXPRESSIONS = 20_000;

    @Bean
    static BeanPostProcessor templateCacheSizes() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof SpringTemplateEngine engine) {
                    StandardCacheManager caches = new StandardCacheManager();
                    caches.setTemplateCacheMaxSize(TEMPLATES);
                    caches.setTemplateCacheInitialSize(200);
                    caches.setExpressionCacheMaxSize(EXPRESSIONS);
                    caches.setExpressionCacheInitialSize(2_000);
                    engine.setCacheManager(caches);
                }
                return bean;
            }
        };
    }
}
