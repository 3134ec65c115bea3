package org.openetp.support;

import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid, unique identifiers for tests that share one database: a counter feeds the digits and the check digits
 * are computed by the published algorithms.
 */
public final class TestIdentifiers {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000_000L);

    private TestIdentifiers() {
    }

    public static String inn10() {
        String base = String.format("77%07d", SEQUENCE.incrementAndGet() % 10_000_000L);
        int[] w = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        return base + checksum(base, w, 11);
    }

    public static String inn12() {
        String base = String.format("50%08d", SEQUENCE.incrementAndGet() % 100_000_000L);
        String first = base + checksum(base, new int[] {7, 2, 4, 10, 3, 5, 9, 4, 6, 8}, 11);
        return first + checksum(first, new int[] {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}, 11);
    }

    public static String ogrn() {
        String base = String.format("1027700%05d", SEQUENCE.incrementAndGet() % 100_000L);
        return base + new BigInteger(base).mod(BigInteger.valueOf(11)).mod(BigInteger.TEN);
    }

    public static String ogrnip() {
        String base = String.format("3047700%07d", SEQUENCE.incrementAndGet() % 10_000_000L);
        return base + new BigInteger(base).mod(BigInteger.valueOf(13)).mod(BigInteger.TEN);
    }

    public static String thaiTaxId() {
        String base = String.format("0105%08d", SEQUENCE.incrementAndGet() % 100_000_000L);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (base.charAt(i) - '0') * (13 - i);
        }
        return base + (11 - sum % 11) % 10;
    }

    public static String email(String who) {
        return who + "-" + SEQUENCE.incrementAndGet() + "@test.openetp.local";
    }

    private static int checksum(String digits, int[] weights, int mod) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % mod % 10;
    }
}
