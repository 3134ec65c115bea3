package org.openetp.shared;

/** The thing asked for does not exist, or is not visible to the caller (we do not tell which): 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
