/** Cross-cutting HTTP: security chains, layout, home and error pages, language switching, API error format. */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package org.openetp.web;
