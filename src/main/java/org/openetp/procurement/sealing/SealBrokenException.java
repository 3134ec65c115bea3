package org.openetp.procurement.sealing;

/**
 * Sealed content could not be opened: the key, the associated data or the bytes are not the ones it was sealed with.
 * This is an integrity failure, never a user error, so it is unchecked and must not be swallowed.
 */
public final class SealBrokenException extends RuntimeException {

    SealBrokenException(String message) {
        super(message);
    }

    SealBrokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
