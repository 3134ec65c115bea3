/** Notifications over HTTP: the inbox, channel choices and saved catalogue searches, as pages and API. */
@org.jspecify.annotations.NullMarked
package org.openetp.notification.web;
