/**
 * The dev-profile demo certificate authority (SPEC §3.4): it issues demo users an RSA key and a certificate carrying
 * the platform attribute as a PKCS#12 file, which the browser can sign with (static/js/signing.js).
 */
@org.jspecify.annotations.NullMarked
package org.openetp.signature.demo;
