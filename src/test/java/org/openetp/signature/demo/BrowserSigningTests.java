package org.openetp.signature.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObjectGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openetp.web.BrowserSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * static/js/signing.js in a real headless Chromium, checked from the outside: BouncyCastle and the openssl CLI verify
 * what the browser signed with keys from {@link DemoCertificateAuthority}. The scripts and a form page come from a
 * small JDK HTTP server (no Spring) that sends the application's Content-Security-Policy, answers the canonical text
 * and records what a form posts.
 */
class BrowserSigningTests {

    private static final String EKU = "2.25.59228173650487438246014025800039520527";
    private static final String EMAIL = "ivan.petrov@demo.openetp.local";
    private static final String PASSWORD = "demo-key-password";
    // Cyrillic and Thai: the signature must be over the UTF-8 bytes, not over UTF-16 or Latin-1.
    private static final String TEXT = "openetp-bid/v1\nlot: Поставка бумаги А4, 500 листов\n"
            + "item: กระดาษ A4 ๕๐๐ แผ่น\nprice: 99000.00 RUB\n";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
    private static final String WRONG_PASSWORD_RU = "Неверный пароль к файлу ключа";

    @TempDir
    static Path directory;

    private static ChromeDriver browser;
    private static HttpServer server;
    private static DemoCertificateAuthority ca;
    private static IssuedKey issued;
    private static X509Certificate issuedCertificate;
    private static PrivateKey issuedKey;
    private static final BlockingQueue<String> posted = new LinkedBlockingQueue<>();
    private static final AtomicReference<String> canonicalQuery = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        browser = BrowserSupport.start();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        ca = new DemoCertificateAuthority(directory.resolve("keys"), Clock.systemUTC(), EKU);
        issued = ca.issue(EMAIL, "Иван Петров", PASSWORD.toCharArray());
        issuedCertificate = certificate(issued.certificatePem());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(issued.pkcs12()), PASSWORD.toCharArray());
        issuedKey = (PrivateKey) store.getKey(EMAIL, PASSWORD.toCharArray());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", BrowserSigningTests::handle);
        server.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @BeforeEach
    void forget() {
        posted.clear();
        canonicalQuery.set(null);
    }

    @Test
    void signsTheExactUtf8TextWithThePkcs12File() throws Exception {
        SignResult result = sign(issued.pkcs12(), "ivan.p12", PASSWORD, TEXT);

        assertThat(result.error()).isNull();
        assertThat(verifies(result.signature(), TEXT)).isTrue();
        assertThat(verifies(result.signature(), TEXT.replace("99000.00", "99000.01"))).isFalse();
        assertThat(signerCertificate(result.signature())).isEqualTo(issuedCertificate);
        assertThat(certificate(result.certificatePem())).isEqualTo(issuedCertificate);
    }

    @Test
    void producesADetachedSha256SignatureWithTheCadesBesSignedAttributes() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        SignResult result = sign(issued.pkcs12(), "ivan.p12", PASSWORD, TEXT);

        CMSSignedData signed = new CMSSignedData(Base64.getDecoder().decode(result.signature()));
        assertThat(signed.getSignedContent()).as("detached: the text is not inside").isNull();
        assertThat(signed.getCertificates().getMatches(null)).hasSize(1);
        SignerInformation signer = onlySigner(signed);
        assertThat(signer.getDigestAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256.getId());
        AttributeTable attributes = signer.getSignedAttributes();
        assertThat(attributes.get(CMSAttributes.contentType).getAttrValues().getObjectAt(0))
                .isEqualTo(PKCSObjectIdentifiers.data);
        assertThat(attributes.get(CMSAttributes.messageDigest)).isNotNull();
        Attribute signingTime = attributes.get(CMSAttributes.signingTime);
        assertThat(Time.getInstance(signingTime.getAttrValues().getObjectAt(0)).getDate().toInstant())
                .isBetween(before.truncatedTo(ChronoUnit.SECONDS), Instant.now());
    }

    @Test
    void opensAPkcs12ProtectedByACyrillicAndThaiPassword() throws Exception {
        String password = "пароль-รหัสผ่าน";
        IssuedKey key = ca.issue(EMAIL, "Иван Петров", password.toCharArray());

        SignResult result = sign(key.pkcs12(), "ivan.p12", password, TEXT);

        assertThat(result.error()).isNull();
        assertThat(verifies(result.signature(), TEXT)).isTrue();
        assertThat(signerCertificate(result.signature())).isEqualTo(certificate(key.certificatePem()));
    }

    @Test
    void signsWithAnEncryptedPkcs8PemHoldingKeyAndCertificate() throws Exception {
        String password = "ключ-กุญแจ";
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setProvider(new BouncyCastleProvider())
                .setPassword(password.toCharArray())
                .build();
        String pem = pem(new JcaPKCS8Generator(issuedKey, encryptor)) + issued.certificatePem();
        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        SignResult result = sign(pem.getBytes(UTF_8), "ivan.pem", password, TEXT);

        assertThat(result.error()).isNull();
        assertThat(verifies(result.signature(), TEXT)).isTrue();
        assertThat(verifies(result.signature(), TEXT + " ")).isFalse();
        assertThat(signerCertificate(result.signature())).isEqualTo(issuedCertificate);
    }

    @Test
    void signsWithAnUnencryptedPkcs1PemAndTheCertificateBeforeIt() throws Exception {
        String pem = issued.certificatePem() + pem(new JcaMiscPEMGenerator(issuedKey));
        assertThat(pem).contains("-----BEGIN RSA PRIVATE KEY-----");

        SignResult result = sign(pem.getBytes(UTF_8), "ivan.pem", "", TEXT);

        assertThat(result.error()).isNull();
        assertThat(verifies(result.signature(), TEXT)).isTrue();
    }

    @Test
    void aWrongPasswordIsAClearError() throws Exception {
        SignResult pkcs12 = sign(issued.pkcs12(), "ivan.p12", "not-the-password", TEXT);
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider())
                .setPassword(PASSWORD.toCharArray())
                .build();
        String pem = pem(new JcaPKCS8Generator(issuedKey, encryptor)) + issued.certificatePem();
        SignResult pemResult = sign(pem.getBytes(UTF_8), "ivan.pem", "not-the-password", TEXT);

        assertThat(pkcs12.signature()).isNull();
        assertThat(pkcs12.code()).isEqualTo("wrong-password");
        assertThat(pkcs12.error()).isEqualTo("Wrong password for ivan.p12.");
        assertThat(pemResult.code()).isEqualTo("wrong-password");
        assertThat(pemResult.error()).isEqualTo("Wrong password for ivan.pem.");
    }

    @Test
    void aKeyWithoutItsCertificateIsAClearError() throws Exception {
        String pem = pem(new JcaPKCS8Generator(issuedKey, null));

        SignResult result = sign(pem.getBytes(UTF_8), "ivan-key.pem", "", TEXT);

        assertThat(result.code()).isEqualTo("no-certificate");
        assertThat(result.error()).startsWith("ivan-key.pem holds no certificate");
    }

    @Test
    void aFileWithoutAKeyIsAClearError() throws Exception {
        SignResult result = sign(issued.certificatePem().getBytes(UTF_8), "ivan-cert.pem", "", TEXT);

        assertThat(result.code()).isEqualTo("no-key");
        assertThat(result.error()).isEqualTo("ivan-cert.pem holds no private key.");
    }

    @Test
    void opensslVerifiesTheBrowsersSignatureAgainstTheDemoCa() throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/openssl"));
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(installed, "the openssl CLI is not installed");
        }
        SignResult result = sign(issued.pkcs12(), "ivan.p12", PASSWORD, TEXT);
        Path work = Files.createTempDirectory(directory, "openssl");
        Path signature = Files.write(work.resolve("signature.p7s"), Base64.getDecoder().decode(result.signature()));
        Path caFile = Files.writeString(work.resolve("demo-ca-cert.pem"), ca.certificatePem());
        Path text = Files.writeString(work.resolve("text.txt"), TEXT, UTF_8);
        Path changed = Files.writeString(work.resolve("changed.txt"), TEXT.replace("99000", "89000"), UTF_8);

        OpenSsl valid = opensslCmsVerify(signature, text, caFile);
        OpenSsl tampered = opensslCmsVerify(signature, changed, caFile);

        assertThat(valid.exitCode()).as(valid.stderr()).isZero();
        assertThat(valid.stderr()).contains("Verification successful");
        assertThat(tampered.exitCode()).as(tampered.stderr()).isNotZero();
    }

    @Test
    void theFormHookPostsTheSignedCanonicalTextButNeitherKeyFileNorPassword() throws Exception {
        fillForm(PASSWORD);

        browser.findElement(By.id("submit")).click();

        String body = posted.poll(30, TimeUnit.SECONDS);
        assertThat(body).as("the form was posted").isNotNull();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("received")));
        Map<String, List<String>> form = parseForm(body);
        assertThat(form).doesNotContainKeys("keyFile", "keyPassword");
        assertThat(form.get("action")).as("the button that submitted").containsExactly("bid");
        assertThat(canonicalQuery.get()).isEqualTo("procedureId=p-1&lotId=l-1&price=99000.00");
        String canonical = canonicalText("99000.00");
        // Browsers post every line break of a form value as CRLF (HTML form encoding): the server must compare
        // the document after turning CRLF back into LF, or better rebuild the canonical text itself.
        assertThat(form.get("document")).containsExactly(canonical.replace("\n", "\r\n"));
        String signature = form.get("signature").getFirst();
        assertThat(verifies(signature, canonical)).isTrue();
        assertThat(signerCertificate(signature)).isEqualTo(issuedCertificate);
    }

    @Test
    void theFormHookShowsAnErrorAndPostsNothingWhenThePasswordIsWrong() throws Exception {
        fillForm("not-the-password");

        browser.findElement(By.id("submit")).click();

        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-sign-error]")));
        assertThat(error.getText()).isEqualTo(WRONG_PASSWORD_RU);
        // The error is shown only after signing gave up, which is the only path that could have posted.
        assertThat(posted).isEmpty();
        assertThat(browser.getCurrentUrl()).endsWith("/form");
    }

    @Test
    void aFormWithoutAKeyFileSubmitsAsUsual() throws Exception {
        browser.get(url("/form"));

        browser.findElement(By.id("submit")).click();

        String body = posted.poll(30, TimeUnit.SECONDS);
        assertThat(body).isNotNull();
        Map<String, List<String>> form = parseForm(body);
        assertThat(form.get("signature")).containsExactly("");
        assertThat(form.get("price")).containsExactly("99000.00");
        assertThat(canonicalQuery.get()).as("no text was fetched to sign").isNull();
    }

    private record SignResult(String signature, String certificatePem, String error, String code) {
    }

    private record OpenSsl(int exitCode, String stderr) {
    }

    private static SignResult sign(byte[] keyFile, String fileName, String password, String text) {
        browser.get(url("/blank"));
        // The scripts are in the page's head, yet Chromium may hand the page back before they ran (seen once in a
        // full run: "reading 'sign' of undefined"); sign only once the signing API is there.
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> Boolean.TRUE.equals(browser.executeScript("return !!window.OpenEtpSigning")));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var binary = atob(arguments[0]);
                var bytes = new Uint8Array(binary.length);
                for (var i = 0; i < binary.length; i++) {
                  bytes[i] = binary.charCodeAt(i);
                }
                window.OpenEtpSigning.sign(bytes.buffer, arguments[1], arguments[2], arguments[3]).then(
                  function (r) { done({signature: r.signature, certificatePem: r.certificatePem}); },
                  function (e) { done({error: String(e.message), code: e.code || null}); });
                """, Base64.getEncoder().encodeToString(keyFile), fileName, password, text);
        return new SignResult((String) result.get("signature"), (String) result.get("certificatePem"),
                (String) result.get("error"), (String) result.get("code"));
    }

    /** Whether the detached signature verifies over the UTF-8 bytes of {@code text} with the certificate it carries. */
    private static boolean verifies(String signature, String text) throws Exception {
        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(text.getBytes(UTF_8)),
                Base64.getDecoder().decode(signature));
        SignerInformation signer = onlySigner(signed);
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerHolder(signed, signer)));
        } catch (CMSSignerDigestMismatchException e) {
            // The message-digest attribute is not the digest of this text.
            return false;
        }
    }

    private static X509Certificate signerCertificate(String signature) throws Exception {
        CMSSignedData signed = new CMSSignedData(Base64.getDecoder().decode(signature));
        return certificate(signerHolder(signed, onlySigner(signed)).getEncoded());
    }

    private static SignerInformation onlySigner(CMSSignedData signed) {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        assertThat(signers).hasSize(1);
        return signers.iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static X509CertificateHolder signerHolder(CMSSignedData signed, SignerInformation signer) {
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
        assertThat(matches).as("the signer's certificate is in the CMS").hasSize(1);
        return matches.iterator().next();
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return certificate(pem.getBytes(UTF_8));
    }

    private static X509Certificate certificate(byte[] encoded) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(encoded));
    }

    private static String pem(PemObjectGenerator object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static OpenSsl opensslCmsVerify(Path signature, Path content, Path caFile) throws Exception {
        Process process = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", signature.toString(), "-content", content.toString(), "-CAfile", caFile.toString(),
                "-purpose", "any", "-out", "/dev/null")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new OpenSsl(process.exitValue(), stderr);
    }

    /** Opens the form page with Ivan's key file chosen and {@code password} typed, ready to submit. */
    private static void fillForm(String password) throws IOException {
        Path keyFile = Files.write(Files.createTempDirectory(directory, "upload").resolve("ivan.p12"),
                issued.pkcs12());
        browser.get(url("/form"));
        browser.findElement(By.name("keyFile")).sendKeys(keyFile.toString());
        browser.findElement(By.name("keyPassword")).sendKeys(password);
    }

    private static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), UTF_8);
            form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return form;
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static String canonicalText(String price) {
        return TEXT.replace("99000.00", price);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/blank" -> respond(exchange, 200, "text/html; charset=utf-8", page(""));
                case "/form" -> respond(exchange, 200, "text/html; charset=utf-8", page("""
                        <form method="post" action="/bids"
                              data-sign-canonical="/canonical?procedureId=p-1&amp;lotId=l-1">
                          <input name="price" value="99000.00">
                          <input type="file" name="keyFile" accept=".p12,.pfx,.pem">
                          <input type="password" name="keyPassword">
                          <input type="hidden" name="document">
                          <input type="hidden" name="signature">
                          <p data-sign-error hidden data-msg-wrong-password="%s"></p>
                          <button type="submit" id="submit" name="action" value="bid">Submit</button>
                        </form>
                        """.formatted(WRONG_PASSWORD_RU)));
                case "/canonical" -> {
                    String query = exchange.getRequestURI().getRawQuery();
                    canonicalQuery.set(query);
                    String price = parseForm(query).get("price").getFirst();
                    respond(exchange, 200, "text/plain; charset=utf-8", canonicalText(price));
                }
                case "/bids" -> {
                    posted.add(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
                    respond(exchange, 200, "text/html; charset=utf-8", page("<p id=\"received\">received</p>"));
                }
                case "/js/signing.js", "/js/vendor/forge.min.js" -> {
                    try (InputStream script = BrowserSigningTests.class.getResourceAsStream("/static" + path)) {
                        respond(exchange, 200, "text/javascript; charset=utf-8",
                                new String(script.readAllBytes(), UTF_8));
                    }
                }
                default -> respond(exchange, 404, "text/plain; charset=utf-8", "not found");
            }
        }
    }

    private static String page(String body) {
        return """
                <!DOCTYPE html>
                <html lang="ru"><head><meta charset="utf-8"><title>signing</title>
                <script src="/js/vendor/forge.min.js"></script>
                <script src="/js/signing.js"></script>
                </head><body>%s</body></html>
                """.formatted(body);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
