package org.openetp.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in a currency, at the scale the platform keeps for that currency: the currency's own decimals, at most
 * two (whole yen and won; kopecks and cents; a dinar's third decimal is not stored anywhere on the platform). The
 * amount is never a {@code double}. Two amounts add or compare only in the same currency.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    /** The most decimals any stored amount column holds. */
    public static final int MAX_SCALE = 2;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!Currencies.acceptable(currency)) {
            throw new InvalidInputException("currency", "money.currency.invalid");
        }
        int scale = scaleOf(currency);
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new InvalidInputException("amount", "money.amount.scale");
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** The amount, refused (400) when it has more decimals than its currency keeps. */
    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    /** The amount rounded half-up to its currency's scale: for computed amounts (a share, a pro-rata charge). */
    public static Money rounded(BigDecimal amount, String currency) {
        if (!Currencies.acceptable(currency)) {
            throw new InvalidInputException("currency", "money.currency.invalid");
        }
        return new Money(amount.setScale(scaleOf(currency), RoundingMode.HALF_UP), currency);
    }

    /** Zero in the currency. */
    public static Money zero(String currency) {
        return rounded(BigDecimal.ZERO, currency);
    }

    /** Decimal places the platform keeps for the currency: its own, at most {@link #MAX_SCALE}. */
    public static int scaleOf(String currency) {
        return Math.max(0, Math.min(MAX_SCALE, Currency.getInstance(currency).getDefaultFractionDigits()));
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other).amount);
    }

    /** As a reader of the locale writes it ({@code 1,234.00 RUB}, {@code 1 234,00 ₽}). */
    public String format(Locale locale) {
        return AmountText.money(amount, currency, locale);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Amounts in " + currency + " and " + other.currency + " do not mix");
        }
        return other;
    }
}
