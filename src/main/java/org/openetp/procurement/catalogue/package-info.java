/**
 * The public catalogue of procedures (SPEC §5.8): a search document per public procedure kept in step with the
 * procedure, full-text search in Russian and English, substring search for Thai, filters, sorting and paging, over
 * the API and as a page.
 */
@org.jspecify.annotations.NullMarked
package org.openetp.procurement.catalogue;
