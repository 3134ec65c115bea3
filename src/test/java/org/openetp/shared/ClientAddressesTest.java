package org.openetp.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openetp.shared.web.ClientAddresses;
import org.springframework.mock.web.MockHttpServletRequest;

/** X-Forwarded-For names the client only when a trusted proxy sends it; otherwise the connection's address does. */
class ClientAddressesTest {

    private final ClientAddresses clients = new ClientAddresses("10.0.0.0/8, 2001:db8::/32");

    @Test
    void anUntrustedSenderCannotNameItsOwnAddress() {
        assertThat(clients.of(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(new ClientAddresses("").of(request("10.1.2.3", "198.51.100.1"))).isEqualTo("10.1.2.3");
    }

    @Test
    void aTrustedProxysHeaderNamesTheClientReadFromTheRight() {
        assertThat(clients.of(request("10.1.2.3", "198.51.100.1"))).isEqualTo("198.51.100.1");
        // A client may put anything first; the hop our proxies saw is the first untrusted one from the right.
        assertThat(clients.of(request("10.1.2.3", "1.2.3.4, 198.51.100.1, 10.9.9.9"))).isEqualTo("198.51.100.1");
        assertThat(clients.of(request("2001:db8::1", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void aHeaderThatIsNotAnAddressIsNotBelievedNorLookedUp() {
        assertThat(clients.of(request("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(clients.of(request("10.1.2.3", "300.1.1.1"))).isEqualTo("10.1.2.3");
        assertThat(clients.of(request("10.1.2.3", ""))).isEqualTo("10.1.2.3");
    }

    private static MockHttpServletRequest request(String remote, String forwarded) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        request.addHeader("X-Forwarded-For", forwarded);
        return request;
    }
}
