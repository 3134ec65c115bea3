/**
 * Electronic signatures (SPEC §3): users register X.509 certificates that carry the platform attribute, and other
 * modules have detached CMS signatures verified against them before they act, then keep what was signed here so
 * that it can be re-verified later. Refusals are journaled even though the refused action leaves no trace.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package org.openetp.signature;
