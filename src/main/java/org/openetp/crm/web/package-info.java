/** CRM over HTTP: the sales pages, the CRM, pipeline and competitor-evidence API and the exports. */
@org.jspecify.annotations.NullMarked
package org.openetp.crm.web;
