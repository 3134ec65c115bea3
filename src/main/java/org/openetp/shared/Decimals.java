package org.openetp.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The bounds of an exact decimal a request may carry, matching its {@code NUMERIC(p, s)} column: at most
 * {@code integer} digits before the point and {@code fraction} after it. Checked once where JSON is read; a request
 * decimal without this annotation is an amount of money ({@code NUMERIC(19, 2)}/{@code (18, 2)} columns: 15 and 2).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Decimals {

    /** Money columns are NUMERIC(18, 2) and (19, 2): 15 integer digits fit both with room for sums. */
    int MONEY_INTEGER = 15;

    int integer() default MONEY_INTEGER;

    int fraction() default 2;
}
