/**
 * Sealed bid storage and submission receipts: bid content is encrypted with AES-256-GCM under a per-procedure key that
 * exists at rest only wrapped by the platform master key, and every accepted submission gets a receipt signed by the
 * platform's own key (detached CMS) that anyone can check with OpenSSL.
 */
@org.jspecify.annotations.NullMarked
package org.openetp.procurement.sealing;
