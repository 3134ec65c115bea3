package org.openetp.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Static links (the webjars' version-free paths such as {@code /webjars/htmx.org/dist/htmx.min.js}) still resolve
 * through the resource chain to their versioned path; every other link is left alone. Boot's own
 * {@code resourceUrlEncodingFilter} resolved every {@code @{...}} of a page (the menu alone has dozens) through the
 * resource chain's pattern matching: a third of a page's CPU in the pages benchmark, for links that never change.
 * <p>
 * This bean replaces Boot's (its registration is conditional on no other {@link ResourceUrlEncodingFilter}). A link
 * is static when the last segment of its path has a file extension. Static links the chain returns unchanged
 * ({@code /css/app.css}) are remembered in a bounded cache, so that only the webjars' are resolved again (by the
 * chain's own cache).
 */
@Configuration(proxyBeanMethods = false)
class StaticLinkEncoding {

    /** Declared as Spring's filter type: Boot's own registration steps aside only for that exact type. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> staticLinkEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new StaticLinkEncodingFilter());
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST,
                jakarta.servlet.DispatcherType.ERROR);
        return registration;
    }

    /** Spring's filter, asked only about links to static files. */
    static final class StaticLinkEncodingFilter extends ResourceUrlEncodingFilter {

        /** Static links the resource chain leaves as they are; a few dozen in practice, bounded all the same. */
        private final Cache<String, Boolean> unchanged = Caffeine.newBuilder().maximumSize(2_000).build();

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!(response instanceof HttpServletResponse plain)) {
                super.doFilter(request, response, chain);
                return;
            }
            // Spring's wrapper resolves links through the chain; ours sends to it only the static ones.
            super.doFilter(request, response, (wrappedRequest, resolving) -> chain.doFilter(wrappedRequest,
                    new StaticOnly(wrappedRequest, (HttpServletResponse) resolving, plain, unchanged)));
        }
    }

    /** Sends static links to the resolving response, every other link straight to the container's. */
    private static final class StaticOnly extends HttpServletResponseWrapper {

        private final ServletRequest request;
        private final HttpServletResponse plain;
        private final Cache<String, Boolean> unchanged;

        StaticOnly(ServletRequest request, HttpServletResponse resolving, HttpServletResponse plain,
                Cache<String, Boolean> unchanged) {
            super(resolving);
            this.request = request;
            this.plain = plain;
            this.unchanged = unchanged;
        }

        @Override
        public String encodeURL(String url) {
            if (!isStatic(url) || unchanged.getIfPresent(url) != null) {
                return plain.encodeURL(url);
            }
            String resolved = super.encodeURL(url);
            String asIs = plain.encodeURL(url);
            // Without the chain (a response written before Spring MVC's interceptors ran) nothing resolves: no verdict.
            boolean chainAsked = request.getAttribute(
                    ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR) != null;
            if (chainAsked && resolved.equals(asIs)) {
                unchanged.put(url, Boolean.TRUE);
            }
            return resolved;
        }
    }

    /** Whether the last segment of the link's path (before any query or fragment) has a file extension. */
    static boolean isStatic(String url) {
        int end = url.length();
        int query = url.indexOf('?');
        if (query >= 0) {
            end = query;
        }
        int fragment = url.indexOf('#');
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        int slash = url.lastIndexOf('/', end - 1);
        int dot = url.lastIndexOf('.', end - 1);
        return dot > slash + 1 && dot < end - 1;
    }
}
