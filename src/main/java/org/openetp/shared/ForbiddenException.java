package org.openetp.shared;

/** The caller is known but may not do this (not a member, wrong role, organization not accredited): 403. */
public class ForbiddenException extends RuntimeException {

    private final String messageKey;

    public ForbiddenException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
