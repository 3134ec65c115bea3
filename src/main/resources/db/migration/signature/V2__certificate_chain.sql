-- The intermediate CA certificates uploaded with a signing certificate (PEM, in order). Most CAs issue from an
-- intermediate, and tools like `openssl cms -signer` put only the signer's own certificate into a signature, so the
-- chain registered with the certificate is what lets such signatures reach a trust anchor.
ALTER TABLE signing_certificate ADD COLUMN chain_pem TEXT NOT NULL DEFAULT '';
