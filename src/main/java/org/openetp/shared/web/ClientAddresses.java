package org.openetp.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only when the request comes from a
 * trusted proxy ({@code openetp.security.trusted-proxies}, a comma-separated CIDR list); otherwise anybody could name
 * any address and escape (or aim) a per-address login lock-out. The header is read from the right: the first hop
 * that is not itself a trusted proxy is the client.
 */
@Component
public class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Cidr> trusted;

    public ClientAddresses(@Value("${openetp.security.trusted-proxies:}") String trustedProxies) {
        List<Cidr> list = new ArrayList<>();
        for (String part : trustedProxies.split(",")) {
            if (!part.isBlank()) {
                list.add(Cidr.parse(part.strip()));
            }
        }
        this.trusted = List.copyOf(list);
    }

    /** The client's address as text (normalized), for counters and logs. */
    public String of(HttpServletRequest request) {
        InetAddress remote = literal(request.getRemoteAddr());
        if (remote == null) {
            return request.getRemoteAddr();
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (!isTrusted(remote) || forwarded == null || forwarded.isBlank()) {
            return remote.getHostAddress();
        }
        InetAddress client = remote;
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0 && isTrusted(client); i--) {
            InetAddress hop = literal(hops[i].strip());
            if (hop == null) {
                break;
            }
            client = hop;
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(c -> c.contains(address));
    }

    /** An IP literal, never a name (so a header cannot make us ask DNS); null when the text is not one. */
    static @Nullable InetAddress literal(@Nullable String text) {
        if (text == null || !(IPV4.matcher(text).matches() || (text.contains(":") && IPV6.matcher(text).matches()))) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** A network in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}); a bare address is a /32 or /128. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("Not a CIDR network: " + text);
            }
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("Not a CIDR network: " + text);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not();
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
