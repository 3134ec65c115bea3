/** Organization aggregates and value rules, free of Spring web. */
package org.openetp.organization.domain;
