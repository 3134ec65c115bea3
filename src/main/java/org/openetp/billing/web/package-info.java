/** Billing over HTTP: the tariff, subscription, invoice and payment API, the provider callback, and the pages. */
@org.jspecify.annotations.NullMarked
package org.openetp.billing.web;
