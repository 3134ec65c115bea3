package org.openetp.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.CollectionFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.StringUtils;

/**
 * The application's {@code messageSource}: Boot's, from the same {@code spring.messages.*} settings (base names,
 * encoding, fallback, cache duration, message format, code as default), but a {@link MergedMessageSource} that looks a
 * code up once per locale instead of once per base name. Declaring it makes Boot's auto-configured one step aside.
 */
@Configuration(proxyBeanMethods = false)
class MessageSourceConfiguration {

    @Bean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource(Environment environment) {
        MessageSourceProperties properties = Binder.get(environment)
                .bindOrCreate("spring.messages", MessageSourceProperties.class);
        MergedMessageSource messages = new MergedMessageSource();
        if (properties.getBasename() != null && !properties.getBasename().isEmpty()) {
            messages.setBasenames(properties.getBasename().stream().map(StringUtils::trimAllWhitespace)
                    .toArray(String[]::new));
        }
        if (properties.getEncoding() != null) {
            messages.setDefaultEncoding(properties.getEncoding().name());
        }
        messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        if (properties.getCacheDuration() != null) {
            messages.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        messages.setCommonMessages(common(properties));
        messages.merge(LocaleConfiguration.SUPPORTED);
        return messages;
    }

    private static @Nullable Properties common(MessageSourceProperties properties) {
        if (properties.getCommonMessages() == null || properties.getCommonMessages().isEmpty()) {
            return null;
        }
        Properties common = CollectionFactory.createSortedProperties(false);
        for (Resource resource : properties.getCommonMessages()) {
            try {
                PropertiesLoaderUtils.fillProperties(common, resource);
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to load common messages from '%s'".formatted(resource), e);
            }
        }
        return common;
    }
}
