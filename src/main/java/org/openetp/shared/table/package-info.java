/**
 * The one table component every list page and list endpoint uses: a {@link org.openetp.shared.table.TableDefinition}
 * names the columns, the whitelisted sort keys and the filters; {@link org.openetp.shared.table.TableQuery} is the
 * request's sort, filter and page, validated (anything unknown falls back to the default, never an error page);
 * {@link org.openetp.shared.table.TablePage} is what {@code templates/fragments/table.html} renders; and
 * {@link org.openetp.shared.table.TableWriter} streams the same columns as CSV or XLSX. Part of the open
 * {@code shared} module, so each module's web layer uses it without crossing a module boundary.
 */
@org.jspecify.annotations.NullMarked
package org.openetp.shared.table;
