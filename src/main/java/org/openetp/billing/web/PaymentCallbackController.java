package org.openetp.billing.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.Billing;
import org.openetp.billing.PaymentCallbackRefused;
import org.openetp.billing.PaymentResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The payment provider's notice of a paid invoice ({@code POST /api/v1/payments/callback}, public): the raw body is
 * taken as bytes, because the signature covers exactly those bytes, not a re-serialization of them.
 */
@RestController
class PaymentCallbackController {

    private static final Logger log = LoggerFactory.getLogger(PaymentCallbackController.class);

    private final Billing billing;
    private final MessageSource messages;

    PaymentCallbackController(Billing billing, MessageSource messages) {
        this.billing = billing;
        this.messages = messages;
    }

    @PostMapping("/api/v1/payments/callback")
    PaymentResult callback(@RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = "X-OpenETP-Signature", required = false) @Nullable String signature) {
        return billing.acceptPaymentCallback(body == null ? new byte[0] : body, signature);
    }

    @ExceptionHandler(PaymentCallbackRefused.class)
    ResponseEntity<ProblemDetail> refused(PaymentCallbackRefused e, HttpServletRequest request) {
        HttpStatus status = e.disabled() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNAUTHORIZED;
        if (!e.disabled()) {
            log.warn("Payment callback refused from {}: {}", request.getRemoteAddr(), e.messageKey());
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setDetail(messages.getMessage(e.messageKey(), null, e.messageKey(),
                RequestContextUtils.getLocale(request)));
        problem.setProperty("code", e.messageKey());
        return ResponseEntity.status(status).body(problem);
    }
}
