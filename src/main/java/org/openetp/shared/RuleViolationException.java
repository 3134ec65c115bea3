package org.openetp.shared;

/**
 * An aggregate refused a transition (accrediting an organization twice, acting for an unaccredited one): 409 with
 * the reason as a message-bundle key and its arguments.
 */
public class RuleViolationException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    public RuleViolationException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
