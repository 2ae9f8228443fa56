package dev.ragfn.runtime.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragfn.core.error.InvalidInputException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    private static AddressPolicy resolving(String host, String... addresses) {
        return AddressPolicy.publicOnly(name -> {
            if (!name.equals(host)) {
                throw new UnknownHostException(name);
            }
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]);
            }
            return resolved;
        });
    }

    @Test
    void should_refuse_when_hostname_resolves_to_loopback() {
        // given
        AddressPolicy policy = resolving("evil.example", "127.0.0.1");

        // when / then
        assertThatThrownBy(() -> policy.vet("evil.example"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("evil.example")
                .hasMessageContaining("127.0.0.1")
                .hasMessageContaining("loopback");
    }

    @Test
    void should_refuse_when_host_is_localhost_resolved_by_the_system() {
        // given
        AddressPolicy policy = AddressPolicy.publicOnly();

        // when / then
        assertThatThrownBy(() -> policy.vet("localhost"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void should_refuse_when_address_is_cloud_metadata_endpoint() {
        // given
        AddressPolicy policy = AddressPolicy.publicOnly();

        // when / then
        assertThatThrownBy(() -> policy.vet("169.254.169.254"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("link-local (cloud metadata)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"metadata.google.internal", "METADATA.GOOGLE.INTERNAL.", "metadata.goog", "instance-data"})
    void should_refuse_without_resolving_when_host_is_a_metadata_name(String host) {
        // given
        AddressPolicy policy = AddressPolicy.publicOnly(name -> {
            throw new AssertionError("must not resolve " + name);
        });

        // when / then
        assertThatThrownBy(() -> policy.vet(host))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("metadata host name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "10.0.0.1", "100.64.0.1", "100.100.100.200", "127.8.8.8",
            "172.16.0.1", "172.31.255.255", "192.168.1.1", "198.18.0.1", "224.0.0.1", "255.255.255.255",
            "::", "::1", "fe80::1", "fc00::1", "fd00:ec2::254", "fec0::1", "ff02::1",
            "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "::127.0.0.1"})
    void should_refuse_when_address_is_not_public(String literal) {
        // given
        AddressPolicy policy = resolving("internal.example", literal);

        // when / then
        assertThatThrownBy(() -> policy.vet("internal.example"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Refusing to fetch");
    }

    @Test
    void should_refuse_when_ipv4_mapped_ipv6_address_embeds_a_private_address() throws Exception {
        // given: built as Inet6Address so Java does not turn it into the IPv4 address first
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169, (byte) 254};
        InetAddress address = Inet6Address.getByAddress("mapped.example", mapped, -1);
        AddressPolicy policy = AddressPolicy.publicOnly(name -> new InetAddress[] {address});

        // when / then
        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThatThrownBy(() -> policy.vet("mapped.example"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("IPv4-mapped link-local");
    }

    @Test
    void should_refuse_when_any_of_several_addresses_is_private() {
        // given
        AddressPolicy policy = resolving("mixed.example", "93.184.215.14", "10.1.2.3");

        // when / then
        assertThatThrownBy(() -> policy.vet("mixed.example"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("10.1.2.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"})
    void should_return_addresses_when_all_are_public(String literal) throws UnknownHostException {
        // given
        AddressPolicy policy = resolving("docs.example", literal);

        // when
        var addresses = policy.vet("docs.example");

        // then
        assertThat(addresses).containsExactly(InetAddress.getByName(literal));
    }

    @Test
    void should_accept_loopback_when_policy_allows_it_for_tests() {
        // given
        AddressPolicy policy = resolving("evil.example", "127.0.0.1").allowingLoopback();

        // when
        var addresses = policy.vet("evil.example");

        // then
        assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
    }

    @Test
    void should_still_refuse_private_addresses_when_loopback_is_allowed() {
        // given
        AddressPolicy policy = resolving("internal.example", "192.168.0.10").allowingLoopback();

        // when / then
        assertThatThrownBy(() -> policy.vet("internal.example")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void should_report_invalid_input_when_host_does_not_resolve() {
        // given
        AddressPolicy policy = resolving("docs.example", "93.184.215.14");

        // when / then
        assertThatThrownBy(() -> policy.vet("nowhere.example"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("could not be resolved");
    }
}
