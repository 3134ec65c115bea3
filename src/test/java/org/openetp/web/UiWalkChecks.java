package org.openetp.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the UI standard (UI.md, issue 16) asks of one rendered page, checked in the browser: no horizontal overflow,
 * the page's language in its {@code lang} attribute, no unfilled {@code {0}} placeholder or {@code ??key??} of a
 * missing message, no enum constant or UUID shown as text, no amount or instant printed raw, and no serious or
 * critical axe-core violation.
 * <p>
 * A reference number a person may need (a receipt, an ocid) may show a UUID when it is marked as a labelled
 * reference: an element with class {@code ref} holding a visible {@code .ref-label} that names it, e.g.
 * {@code <span class="ref"><span class="ref-label">Receipt</span> <code>…</code></span>}.
 */
final class UiWalkChecks {

    /** The facts of the page as laid out now; the text is every text node and human-facing attribute. */
    private static final String FACTS = """
            const text = [], refs = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const t = n.nodeValue.trim(), el = n.parentElement;
              if (!t || !el || el.closest('script,style,noscript,template')) continue;
              (el.closest('.ref') ? refs : text).push(t);
            }
            for (const el of document.querySelectorAll('[placeholder],[title],[aria-label],[alt]')) {
              for (const a of ['placeholder', 'title', 'aria-label', 'alt']) {
                const v = el.getAttribute(a);
                if (v && !el.closest('.ref')) text.push(v);
              }
            }
            const unlabelled = [...document.querySelectorAll('.ref')].filter(r => {
              const label = r.querySelector('.ref-label');
              return !label || !label.textContent.trim();
            }).length;
            const width = window.innerWidth, wide = [];
            for (const el of document.body.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.right <= width + 1 || r.width === 0) continue;
              if ([...el.children].some(c => c.getBoundingClientRect().right > width + 1)) continue;
              if (getComputedStyle(el).position === 'fixed') continue;
              wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                  + (el.className && typeof el.className === 'string'
                      ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '')
                  + ' (right ' + Math.round(r.right) + ')');
              if (wide.length === 3) break;
            }
            const navigation = performance.getEntriesByType('navigation')[0];
            return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width,
                status: navigation ? navigation.responseStatus : 0, lang: document.documentElement.lang,
                text: text.join('\\n'), unlabelled: unlabelled, wide: wide.join(', ')};
            """;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Pattern MISSING_KEY = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Four or more ungrouped digits with two decimals: BigDecimal.toString of an amount (1180000.00). */
    private static final Pattern RAW_AMOUNT = Pattern.compile("(?<![\\d.,\\u00a0\\u202f ])\\d{4,}[.,]\\d{2}(?!\\d)");
    /** An ISO 3166-2 region code of the classifier (RU-MOW, TH-10) where the region's name belongs. */
    private static final Pattern REGION_CODE = Pattern.compile(
            "(?<![A-Za-z0-9-])(?:RU|TH)-[A-Z0-9]{2,3}(?![A-Za-z0-9-])");
    /** An ISO-8601 instant as Instant.toString prints it. */
    private static final Pattern RAW_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final String AXE = "axe/axe.min.js";

    private final Pattern enumNames;
    private final String axeSource;

    UiWalkChecks() {
        this.enumNames = enumNamePattern();
        this.axeSource = resource(AXE);
    }

    /** The enum constants a page must not show: every constant of the platform's enums, as whole words. */
    Set<String> enumVocabulary() {
        return vocabulary();
    }

    /** What is wrong with the page at the current window width, in the reader's words; empty when nothing. */
    List<String> check(JavascriptExecutor browser, String lang) {
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) browser.executeScript(FACTS);
        List<String> problems = new ArrayList<>();
        long status = ((Number) facts.get("status")).longValue();
        if (status >= 400) {
            problems.add("answered HTTP " + status);
        }
        long scrollWidth = ((Number) facts.get("scrollWidth")).longValue();
        long innerWidth = ((Number) facts.get("innerWidth")).longValue();
        if (scrollWidth > innerWidth) {
            problems.add("overflows horizontally: scrollWidth " + scrollWidth + " > innerWidth " + innerWidth
                    + " (" + facts.get("wide") + ")");
        }
        if (!lang.equals(facts.get("lang"))) {
            problems.add("html lang is '" + facts.get("lang") + "', not '" + lang + "'");
        }
        if (((Number) facts.get("unlabelled")).longValue() > 0) {
            problems.add("a .ref reference without a visible .ref-label");
        }
        String text = (String) facts.get("text");
        found(problems, "placeholder not filled", PLACEHOLDER, text);
        found(problems, "missing message key", MISSING_KEY, text);
        found(problems, "UUID shown as text", UUID, text);
        found(problems, "enum name shown as text", enumNames, text);
        found(problems, "region code instead of its name", REGION_CODE, text);
        found(problems, "amount not formatted", RAW_AMOUNT, text);
        found(problems, "instant not formatted", RAW_INSTANT, text);
        return problems;
    }

    /** The serious and critical axe-core violations of the page as it is now laid out. */
    @SuppressWarnings("unchecked")
    List<String> axe(JavascriptExecutor browser) {
        browser.executeScript(axeSource);
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => {
                      // Nodes outside the menu first: the menu repeats on every page, the page's own are news.
                      const nodes = [...v.nodes].sort((a, b) => a.html.includes('nav-') - b.html.includes('nav-'));
                      return 'axe ' + v.impact + ' ' + v.id + ': ' + v.help + ' at '
                        + nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | ')
                        + (nodes.length > 4 ? ' (+' + (nodes.length - 4) + ' more)' : '');
                    })))
                    .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }

    private static void found(List<String> problems, String what, Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        Set<String> seen = new TreeSet<>();
        while (m.find() && seen.size() < 4) {
            seen.add(context(text, m.start(), m.end()));
        }
        if (!seen.isEmpty()) {
            problems.add(what + ": " + String.join(" | ", seen));
        }
    }

    private static String context(String text, int start, int end) {
        int from = Math.max(0, start - 25);
        int to = Math.min(text.length(), end + 25);
        return "«" + text.substring(from, to).replace('\n', ' ') + "»";
    }

    private static Pattern enumNamePattern() {
        String alternatives = vocabulary().stream().sorted(Comparator.comparing(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile("(?<![A-Za-z0-9_])(?:" + alternatives + ")(?![A-Za-z0-9_])");
    }

    private static final Set<String> FILE_FORMATS = Set.of("XLSX", "HTML", "JSON");

    /**
     * The constants of every enum under {@code org.openetp} that could only be an enum's name on a page: those with
     * an underscore or of four letters or more. Shorter ones (LLC, JSC, ID) are also ordinary abbreviations, and the
     * ISO currency codes are how UI.md writes a currency ({@code 1,234,567.00 RUB}), as file formats are how a person
     * names a file ("Export XLSX").
     */
    private static Set<String> vocabulary() {
        Set<String> names = new TreeSet<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:org/openetp/**/*.class")) {
                String path = r.getURL().toString();
                if (!path.contains("/classes/org/openetp/") || path.contains("/test-classes/")) {
                    continue;
                }
                String name = path.substring(path.indexOf("/classes/") + "/classes/".length(),
                        path.length() - ".class".length()).replace('/', '.');
                Class<?> type = Class.forName(name, false, UiWalkChecks.class.getClassLoader());
                if (type.isEnum()) {
                    for (Object constant : type.getEnumConstants()) {
                        names.add(((Enum<?>) constant).name());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(e);
        }
        Set<String> currencies = Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
                .collect(Collectors.toSet());
        names.removeIf(n -> !n.matches("[A-Z][A-Z0-9_]*") || (!n.contains("_") && n.length() < 4)
                || currencies.contains(n) || FILE_FORMATS.contains(n));
        return names;
    }

    private static String resource(String name) {
        try (InputStream in = UiWalkChecks.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
