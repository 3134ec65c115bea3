package org.openetp.organization.search;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openetp.classifier.Category;
import org.openetp.classifier.Classifier;
import org.springframework.stereotype.Component;

/**
 * The classifier's children per code, remembered for a minute: an organization offering "26.20" is found by a search
 * for "26.2" or for section "C", so a category stands for itself and every category under it. Organizations list the
 * codes they chose (unlike procedures, which store their ancestors), so the subtree is expanded at query time.
 */
@Component
public class CategoryTree {

    /** More codes than this is a whole section or more: still correct, but the query carries them all. */
    private static final int MAX_CODES = 5_000;

    /** Each code's children, and each code's parent. */
    private record Tree(Map<String, List<String>> children, Map<String, String> parents) {
    }

    private final LoadingCache<String, Tree> trees;

    CategoryTree(Classifier classifier) {
        this.trees = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(Duration.ofMinutes(1))
                .build(key -> treeOf(classifier.all(Locale.ROOT)));
    }

    /** The top-level category (classifier section) a code is under: the code itself when it has no parent. */
    public String section(String code) {
        Map<String, String> parents = trees.get("tree").parents();
        String at = code;
        for (int depth = 0; parents.containsKey(at) && depth < 20; depth++) {
            at = parents.get(at);
        }
        return at;
    }

    /** The codes with all their descendants. */
    public List<String> withDescendants(Collection<String> codes) {
        Map<String, List<String>> tree = trees.get("tree").children();
        Set<String> result = new LinkedHashSet<>();
        Deque<String> open = new ArrayDeque<>(codes);
        while (!open.isEmpty() && result.size() < MAX_CODES) {
            String code = open.poll();
            if (result.add(code)) {
                open.addAll(tree.getOrDefault(code, List.of()));
            }
        }
        return List.copyOf(result);
    }

    private static Tree treeOf(List<Category> all) {
        Map<String, List<String>> tree = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        for (Category c : all) {
            if (c.parentCode() != null) {
                tree.computeIfAbsent(c.parentCode(), p -> new ArrayList<>()).add(c.code());
                parents.put(c.code(), c.parentCode());
            }
        }
        return new Tree(tree, parents);
    }
}
