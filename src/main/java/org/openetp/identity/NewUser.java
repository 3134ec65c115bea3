package org.openetp.identity;

/** A person registering: already validated by the caller's form, checked again here for uniqueness. */
public record NewUser(String fullName, String email, String phone, String position, String password,
        String locale) {
}
