/**
 * People: user accounts, passwords, e-mail confirmation, login throttling and lock-out, personal API tokens, the
 * platform operator. Roles inside organizations live in the organization module.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package org.openetp.identity;
