package org.openetp.signature.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.signature.SignatureRefusedException;
import org.openetp.signature.Signatures;
import org.openetp.signature.demo.DemoCertificateAuthority;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's signing certificates page (register by file or pasted PEM, revoke) and a signed document's check. */
@Controller
class CertificatePageController {

    private final Signatures signatures;
    private final boolean demoCa;

    CertificatePageController(Signatures signatures, ObjectProvider<DemoCertificateAuthority> demoCa) {
        this.signatures = signatures;
        this.demoCa = demoCa.getIfAvailable() != null;
    }

    @GetMapping("/certificates")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("certificates", signatures.certificates(user.id()));
        model.addAttribute("eku", signatures.platformAttribute());
        model.addAttribute("demoCa", demoCa);
        return "signature/certificates";
    }

    @PostMapping("/certificates")
    String register(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String pem, RedirectAttributes redirect) throws IOException {
        byte[] encoded = file != null && !file.isEmpty() ? file.getBytes()
                : pem == null ? new byte[0] : pem.getBytes(StandardCharsets.US_ASCII);
        try {
            if (encoded.length == 0) {
                throw new SignatureRefusedException("certificate", "certificate.unreadable");
            }
            signatures.register(user, encoded);
            redirect.addFlashAttribute("info", "certificate.registered");
        } catch (SignatureRefusedException e) {
            redirect.addFlashAttribute("error", e.reason());
        }
        return "redirect:/certificates";
    }

    @PostMapping("/certificates/{id}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        signatures.revoke(user, id);
        redirect.addFlashAttribute("info", "certificate.revokedNow");
        return "redirect:/certificates";
    }

    @GetMapping("/signatures/{id}")
    String verification(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("check", signatures.reverify(user, id));
        return "signature/verification";
    }
}
