/*
 * Browser signing (SPEC §3.4): signs a text with a key file the user holds, so the private key never leaves the
 * browser. Needs node-forge (js/vendor/forge.min.js, the npm package's dist file 1.4.3 unchanged, BSD-3-Clause: see
 * js/vendor/forge.LICENSE; no WebJar of a current forge exists) loaded first; forge signs RSA only, which is why the
 * demo CA issues RSA keys.
 *
 * window.OpenEtpSigning.sign(keyFileBytes, fileName, password, text) -> Promise<{signature, certificatePem}>
 *   keyFileBytes: ArrayBuffer (or Uint8Array) of a PKCS#12 file (.p12/.pfx) or of a PEM file holding the private key
 *   (PKCS#1, PKCS#8 or encrypted PKCS#8) and its certificate. The result is a detached CMS SignedData (base64 of DER,
 *   SHA-256, signed attributes contentType, signingTime and messageDigest, the signer certificate included) over the
 *   UTF-8 bytes of text. A failure rejects with an Error whose message can be shown as is and whose code is one of
 *   unreadable-file, password-required, wrong-password, unsupported-encryption, not-rsa, no-key, no-certificate,
 *   key-certificate-mismatch, canonical-text.
 *
 * Forms: <form data-sign-canonical="URL"> with input[type=file][name=keyFile], input[name=keyPassword], hidden
 * inputs document and signature, and an element [data-sign-error]. On submit with a key file chosen, the text to
 * sign is fetched from URL (plus &price=<the form's price> when the form has a price field), signed, put into
 * document and signature, the key file and password inputs are emptied and left out of the submission, and the form
 * is submitted. Without a key file the form submits as usual. The error element may carry localized messages as
 * data-msg-<code> attributes (for example data-msg-wrong-password); otherwise the English message is shown.
 */
(function (global) {
  'use strict';

  var forge = global.forge;
  if (!forge || !forge.pkcs7 || !forge.pkcs12) {
    throw new Error('signing.js needs node-forge (js/vendor/forge.min.js) loaded before it');
  }
  var asn1 = forge.asn1;
  var pki = forge.pki;
  var oids = pki.oids;

  /*
   * forge refuses OID arcs above 2^53 ("OID value too large") and so cannot read a certificate whose extended key
   * usage holds the platform attribute, a 2.25.<UUID> OID with a 128-bit arc. This decodes the same way as forge's
   * asn1.derToOid (and, like it, consumes a ByteBuffer argument) but with BigInt, so any arc works.
   */
  if (typeof BigInt === 'function') {
    asn1.derToOid = function (bytes) {
      var buffer = typeof bytes === 'string' ? forge.util.createBuffer(bytes) : bytes;
      var base = BigInt(128);
      var oid;
      var value = BigInt(0);
      while (buffer.length() > 0) {
        var b = buffer.getByte();
        value = value * base + BigInt(b & 0x7f);
        if (!(b & 0x80)) {
          if (oid === undefined) {
            // The first subidentifier holds the first two arcs as 40 * arc1 + arc2.
            oid = value < BigInt(80)
              ? (value / BigInt(40)) + '.' + (value % BigInt(40))
              : '2.' + (value - BigInt(80));
          } else {
            oid += '.' + value;
          }
          value = BigInt(0);
        }
      }
      return oid;
    };
  }

  function failure(code, message) {
    var error = new Error(message);
    error.code = code;
    return error;
  }

  function toBinaryString(bytes) {
    var view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    return forge.util.binary.raw.encode(view);
  }

  /*
   * The ways a password can become bytes: UTF-8 (PBES2/PBKDF2 and OpenSSL's legacy PEM encryption, as OpenSSL and
   * Java do it) and the string itself (forge's PKCS#12 key derivation encodes it as BMPString by itself). They differ
   * only for non-ASCII passwords.
   */
  function passwordCandidates(password) {
    var utf8 = forge.util.encodeUtf8(password);
    return utf8 === password ? [password] : [utf8, password];
  }

  function isUnsupportedAlgorithm(error) {
    return Boolean(error && (error.supportedOids || error.supported));
  }

  function wrongPassword(fileName, password) {
    return password === ''
      ? failure('password-required', fileName + ' is protected by a password: enter it to sign.')
      : failure('wrong-password', 'Wrong password for ' + fileName + '.');
  }

  function unsupportedEncryption(fileName) {
    return failure('unsupported-encryption', fileName + ' is encrypted with an algorithm the browser cannot read; '
      + 'export it again as PKCS#12 with AES-256 or with 3DES.');
  }

  function notRsa(fileName) {
    return failure('not-rsa', 'The key in ' + fileName + ' is not an RSA key; the browser can only sign with RSA '
      + 'keys.');
  }

  function privateKeyInfoAlgorithm(obj) {
    // PrivateKeyInfo is SEQUENCE { version, AlgorithmIdentifier SEQUENCE { OID, ... }, OCTET STRING }; PKCS#1 has
    // an INTEGER in the second place.
    var second = obj && Array.isArray(obj.value) ? obj.value[1] : null;
    if (second && second.constructed && Array.isArray(second.value) && second.value[0]
        && second.value[0].type === asn1.Type.OID) {
      return asn1.derToOid(second.value[0].value);
    }
    return null;
  }

  function rsaKeyFromAsn1(obj, fileName) {
    var algorithm = privateKeyInfoAlgorithm(obj);
    if (algorithm !== null && algorithm !== oids.rsaEncryption) {
      throw notRsa(fileName);
    }
    try {
      return pki.privateKeyFromAsn1(obj);
    } catch (e) {
      throw failure('unreadable-file', fileName + ' holds a private key the browser cannot read.');
    }
  }

  function decryptPkcs8(obj, password, fileName) {
    var candidates = passwordCandidates(password);
    for (var i = 0; i < candidates.length; i++) {
      var info = null;
      try {
        info = pki.decryptPrivateKeyInfo(obj, candidates[i]);
      } catch (e) {
        if (isUnsupportedAlgorithm(e)) {
          throw unsupportedEncryption(fileName);
        }
        // A wrong password can still pass the padding check and then yield garbage DER: try the next candidate.
      }
      if (info !== null) {
        try {
          return rsaKeyFromAsn1(info, fileName);
        } catch (e) {
          if (e.code === 'not-rsa') {
            throw e;
          }
        }
      }
    }
    throw wrongPassword(fileName, password);
  }

  function decryptLegacyPem(message, password, fileName) {
    var pem = forge.pem.encode(message);
    var candidates = passwordCandidates(password);
    for (var i = 0; i < candidates.length; i++) {
      try {
        var key = pki.decryptRsaPrivateKey(pem, candidates[i]);
        if (key) {
          return key;
        }
      } catch (e) {
        if (/unsupported/i.test(e.message)) {
          throw unsupportedEncryption(fileName);
        }
      }
    }
    throw wrongPassword(fileName, password);
  }

  function certificateFromDer(der, fileName) {
    try {
      return pki.certificateFromAsn1(asn1.fromDer(der));
    } catch (e) {
      if (/not RSA/i.test(e.message)) {
        throw failure('not-rsa', 'The certificate in ' + fileName + ' is not for an RSA key; the browser can only '
          + 'sign with RSA keys.');
      }
      throw failure('unreadable-file', fileName + ' holds a certificate the browser cannot read.');
    }
  }

  function readPem(text, password, fileName) {
    var messages;
    try {
      messages = forge.pem.decode(text);
    } catch (e) {
      throw failure('unreadable-file', fileName + ' is not a readable PEM file.');
    }
    var keys = [];
    var certificates = [];
    messages.forEach(function (message) {
      switch (message.type) {
        case 'CERTIFICATE':
        case 'X509 CERTIFICATE':
          certificates.push(certificateFromDer(message.body, fileName));
          break;
        case 'PRIVATE KEY':
          keys.push(rsaKeyFromAsn1(asn1.fromDer(message.body), fileName));
          break;
        case 'RSA PRIVATE KEY':
          keys.push(message.procType && message.procType.type === 'ENCRYPTED'
            ? decryptLegacyPem(message, password, fileName)
            : rsaKeyFromAsn1(asn1.fromDer(message.body), fileName));
          break;
        case 'ENCRYPTED PRIVATE KEY':
          keys.push(decryptPkcs8(asn1.fromDer(message.body), password, fileName));
          break;
        case 'EC PRIVATE KEY':
        case 'DSA PRIVATE KEY':
          throw notRsa(fileName);
        default:
          // Other blocks (parameters, certificate requests) are of no use for signing.
          break;
      }
    });
    return {keys: keys, certificates: certificates};
  }

  function withoutMac(pfx) {
    return asn1.create(pfx.tagClass, pfx.type, pfx.constructed, pfx.value.slice(0, 2));
  }

  function openPkcs12(der, password, fileName) {
    var pfx;
    try {
      pfx = asn1.fromDer(der);
    } catch (e) {
      throw failure('unreadable-file', fileName + ' is neither a PKCS#12 (.p12, .pfx) nor a PEM file.');
    }
    try {
      return forge.pkcs12.pkcs12FromAsn1(pfx, false, password);
    } catch (e) {
      if (isUnsupportedAlgorithm(e)) {
        throw unsupportedEncryption(fileName);
      }
      if (/MAC could not be verified/.test(e.message)) {
        throw wrongPassword(fileName, password);
      }
      var utf8 = forge.util.encodeUtf8(password);
      if (utf8 === password) {
        throw wrongPassword(fileName, password);
      }
      /*
       * The MAC, derived from the password as BMPString, checked out, so the password is right; what failed is a
       * PBES2 bag (the JDK and OpenSSL 3 default), whose PBKDF2 takes the password's UTF-8 bytes, which forge does
       * not produce from a JavaScript string. Decrypt again with the UTF-8 form, without the MAC already verified.
       */
      try {
        return forge.pkcs12.pkcs12FromAsn1(withoutMac(pfx), false, utf8);
      } catch (again) {
        throw isUnsupportedAlgorithm(again) ? unsupportedEncryption(fileName) : wrongPassword(fileName, password);
      }
    }
  }

  function readPkcs12(der, password, fileName) {
    var p12 = openPkcs12(der, password, fileName);
    var keys = [];
    var certificates = [];
    [oids.pkcs8ShroudedKeyBag, oids.keyBag].forEach(function (bagType) {
      (p12.getBags({bagType: bagType})[bagType] || []).forEach(function (bag) {
        if (!bag.key) {
          // forge leaves the key empty when it is not RSA.
          throw notRsa(fileName);
        }
        keys.push(bag.key);
      });
    });
    (p12.getBags({bagType: oids.certBag})[oids.certBag] || []).forEach(function (bag) {
      if (bag.cert) {
        certificates.push(bag.cert);
      }
    });
    return {keys: keys, certificates: certificates};
  }

  function looksLikePem(binary) {
    return binary.indexOf('-----BEGIN ') !== -1;
  }

  function matches(key, certificate) {
    var publicKey = certificate.publicKey;
    return Boolean(publicKey && publicKey.n && publicKey.n.equals(key.n) && publicKey.e.equals(key.e));
  }

  function signerOf(contents, fileName) {
    if (contents.keys.length === 0) {
      throw failure('no-key', fileName + ' holds no private key.');
    }
    if (contents.certificates.length === 0) {
      throw failure('no-certificate', fileName + ' holds no certificate; put the certificate (PEM) into the same '
        + 'file as the key, or use the PKCS#12 file.');
    }
    for (var k = 0; k < contents.keys.length; k++) {
      for (var c = 0; c < contents.certificates.length; c++) {
        if (matches(contents.keys[k], contents.certificates[c])) {
          return {key: contents.keys[k], certificate: contents.certificates[c]};
        }
      }
    }
    throw failure('key-certificate-mismatch', 'No certificate in ' + fileName + ' belongs to its private key.');
  }

  function signNow(keyFileBytes, fileName, password, text) {
    if (typeof text !== 'string') {
      throw new TypeError('text must be a string');
    }
    var name = fileName || 'The key file';
    var secret = password || '';
    var binary = toBinaryString(keyFileBytes);
    var signer = signerOf(looksLikePem(binary)
      ? readPem(binary, secret, name)
      : readPkcs12(binary, secret, name), name);

    var signed = forge.pkcs7.createSignedData();
    signed.content = forge.util.createBuffer(forge.util.encodeUtf8(text));
    signed.addCertificate(signer.certificate);
    signed.addSigner({
      key: signer.key,
      certificate: signer.certificate,
      digestAlgorithm: oids.sha256,
      // DER wants a SET OF sorted by encoding and forge keeps the order given: this is that order (the encodings
      // are 24, 28 and 47 bytes long), so verifiers that re-encode the set hash the very bytes that were signed.
      authenticatedAttributes: [
        {type: oids.contentType, value: oids.data},
        {type: oids.signingTime, value: new Date()},
        {type: oids.messageDigest}
      ]
    });
    signed.sign({detached: true});
    return {
      signature: forge.util.encode64(asn1.toDer(signed.toAsn1()).getBytes()),
      certificatePem: pki.certificateToPem(signer.certificate)
    };
  }

  function sign(keyFileBytes, fileName, password, text) {
    // forge works synchronously for a noticeable moment: yield first so that the page can show it is busy.
    return new Promise(function (resolve) {
      setTimeout(resolve, 0);
    }).then(function () {
      return signNow(keyFileBytes, fileName, password, text);
    });
  }

  /* Forms */

  function field(form, name) {
    var element = form.elements.namedItem(name);
    return element instanceof Element ? element : null;
  }

  function readFile(file) {
    if (typeof file.arrayBuffer === 'function') {
      return file.arrayBuffer();
    }
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsArrayBuffer(file);
    });
  }

  // The price and the proposal answers are what the bid's canonical text covers, so the server needs them all.
  function canonicalUrl(form) {
    var url = form.getAttribute('data-sign-canonical');
    var params = [];
    Array.prototype.forEach.call(form.elements, function (element) {
      if (element.name === 'price' || (element.name && element.name.indexOf('proposal.') === 0)) {
        params.push(encodeURIComponent(element.name) + '=' + encodeURIComponent(element.value));
      }
    });
    if (params.length === 0) {
      return url;
    }
    return url + (url.indexOf('?') === -1 ? '?' : '&') + params.join('&');
  }

  function fetchCanonical(form) {
    // A bid's canonical text is text/plain; a protocol is signed as the HTML original it is served as.
    return fetch(canonicalUrl(form), {credentials: 'same-origin', headers: {'Accept': 'text/plain, text/html'}})
      .then(function (response) {
        if (response.ok) {
          return response.text();
        }
        return response.text().then(function (body) {
          var detail = '';
          try {
            detail = JSON.parse(body).detail || '';
          } catch (e) {
            detail = (response.headers.get('Content-Type') || '').indexOf('text/plain') === 0 ? body : '';
          }
          throw failure('canonical-text', 'Could not get the text to sign (HTTP ' + response.status + ')'
            + (detail ? ': ' + detail : '.'));
        });
      }, function () {
        throw failure('canonical-text', 'Could not get the text to sign: the server is not reachable.');
      });
  }

  function showError(form, error) {
    var target = form.querySelector('[data-sign-error]');
    var code = error && error.code;
    var localized = target && code ? target.getAttribute('data-msg-' + code) : null;
    var message = localized || (error && error.message) || String(error);
    if (target) {
      target.textContent = message;
      target.hidden = false;
    } else {
      global.alert(message);
    }
  }

  function clearError(form) {
    var target = form.querySelector('[data-sign-error]');
    if (target) {
      target.textContent = '';
      target.hidden = true;
    }
  }

  var busy = new WeakSet();

  function submitSigned(form, submitter, keyInput, passwordInput) {
    // Emptied so that a later submit (or the back button) cannot send them, and dropped from the entry list in the
    // formdata event so that not even their names are posted (some browsers build the list after requestSubmit has
    // returned, so disabling the inputs around that call is not enough).
    keyInput.value = '';
    if (passwordInput) {
      passwordInput.value = '';
    }
    form.addEventListener('formdata', function (event) {
      event.formData.delete(keyInput.name);
      if (passwordInput) {
        event.formData.delete(passwordInput.name);
      }
    }, { once: true });
    if (typeof form.requestSubmit === 'function') {
      form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
    } else {
      form.submit();
    }
  }

  function onSubmit(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-sign-canonical')) {
      return;
    }
    if (busy.has(form)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    var keyInput = field(form, 'keyFile');
    if (!keyInput || !keyInput.files || keyInput.files.length === 0) {
      return;
    }
    var documentInput = field(form, 'document');
    var signatureInput = field(form, 'signature');
    // Captured on the document, so this runs before any handler on the form (htmx's too): nothing sees the submit
    // until it is signed.
    event.preventDefault();
    event.stopImmediatePropagation();
    if (!documentInput || !signatureInput) {
      showError(form, new Error('This form has no document or signature field to carry the signature.'));
      return;
    }
    busy.add(form);
    clearError(form);
    var passwordInput = field(form, 'keyPassword');
    var file = keyInput.files[0];
    var submitter = event.submitter || null;
    Promise.all([readFile(file), fetchCanonical(form)])
      .then(function (results) {
        var text = results[1];
        return sign(results[0], file.name, passwordInput ? passwordInput.value : '', text).then(function (signed) {
          documentInput.value = text;
          signatureInput.value = signed.signature;
        });
      })
      .then(function () {
        busy.delete(form);
        submitSigned(form, submitter, keyInput, passwordInput);
      }, function (error) {
        busy.delete(form);
        showError(form, error);
      });
  }

  document.addEventListener('submit', onSubmit, true);
  // Also when no key file is chosen or signing fails, a key file's name or its password never goes into a signing
  // form's posted data.
  document.addEventListener('formdata', function (event) {
    if (event.target instanceof HTMLFormElement && event.target.hasAttribute('data-sign-canonical')) {
      event.formData.delete('keyFile');
      event.formData.delete('keyPassword');
    }
  }, true);

  global.OpenEtpSigning = Object.freeze({sign: sign});
}(window));
