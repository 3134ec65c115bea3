/** Tells people what happened: listens to other modules' events, never called by them. */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package org.openetp.notification;
