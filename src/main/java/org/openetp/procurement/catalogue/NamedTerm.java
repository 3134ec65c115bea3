package org.openetp.procurement.catalogue;

import java.util.List;

/**
 * Words of a search that name categories (by a synonym in any language, by a category's name, or a typo away from
 * a synonym): a procedure matches them by its text or by being filed under one of the categories.
 */
record NamedTerm(String words, List<String> categories) {
}
