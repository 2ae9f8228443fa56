package dev.ragfn.runtime.net;

import dev.ragfn.core.error.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SSRF guard of every function that fetches from a URL a request names (ingest's URL source,
 * convert's Git transport): resolves a host once and refuses it if ANY of its addresses is not
 * public (loopback, private, link-local with cloud metadata, CGNAT, unique-local, multicast,
 * reserved, and IPv6 forms that embed such an IPv4 address). Callers then connect to exactly the
 * addresses returned here, so a second DNS answer cannot swap them (DNS rebinding).
 *
 * <p>Residual risk: the guard judges addresses, not what is behind them. A public IP that routes
 * back inside (a NAT, a load balancer in front of internal services, the cloud's own public
 * endpoints) passes, and IPv6 transition forms other than IPv4-mapped, NAT64 and 6to4 are not
 * decoded (Teredo is refused outright). Network egress rules remain the outer fence.
 */
public final class AddressPolicy {

    /** Resolves a host name to its addresses; injectable so tests can map names at will. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<String> METADATA_HOSTS = Set.of(
            "metadata.google.internal", "metadata.goog", "metadata",
            "instance-data", "instance-data.ec2.internal", "metadata.azure.internal");

    private static final List<IpRange> BLOCKED = List.of(
            IpRange.of("0.0.0.0/8", "'this network'"),
            IpRange.of("10.0.0.0/8", "private"),
            IpRange.of("100.64.0.0/10", "carrier-grade NAT"),
            IpRange.of("127.0.0.0/8", "loopback"),
            IpRange.of("169.254.0.0/16", "link-local (cloud metadata)"),
            IpRange.of("172.16.0.0/12", "private"),
            IpRange.of("192.0.0.0/24", "IETF protocol assignment"),
            IpRange.of("192.168.0.0/16", "private"),
            IpRange.of("198.18.0.0/15", "benchmarking"),
            IpRange.of("224.0.0.0/4", "multicast"),
            IpRange.of("240.0.0.0/4", "reserved or broadcast"),
            IpRange.of("::1/128", "loopback"),
            IpRange.of("::/96", "unspecified or IPv4-compatible"),
            IpRange.of("100::/64", "discard-only"),
            IpRange.of("2001::/32", "Teredo tunnel"),
            IpRange.of("fc00::/7", "unique-local"),
            IpRange.of("fe80::/10", "link-local"),
            IpRange.of("fec0::/10", "site-local"),
            IpRange.of("ff00::/8", "multicast"));

    /** IPv6 prefixes that carry an IPv4 address the packet really goes to, and where it sits. */
    private record EmbeddingPrefix(IpRange range, int ipv4Offset) {
    }

    private static final List<EmbeddingPrefix> EMBEDDING = List.of(
            new EmbeddingPrefix(IpRange.of("::ffff:0:0/96", "IPv4-mapped"), 12),
            new EmbeddingPrefix(IpRange.of("64:ff9b::/96", "NAT64"), 12),
            new EmbeddingPrefix(IpRange.of("2002::/16", "6to4"), 2));

    private final Resolver resolver;
    private final boolean loopbackAllowed;

    private AddressPolicy(Resolver resolver, boolean loopbackAllowed) {
        this.resolver = resolver;
        this.loopbackAllowed = loopbackAllowed;
    }

    /** The production policy: system DNS, public addresses only. */
    public static AddressPolicy publicOnly() {
        return publicOnly(InetAddress::getAllByName);
    }

    public static AddressPolicy publicOnly(Resolver resolver) {
        return new AddressPolicy(resolver, false);
    }

    /** The same policy but letting loopback through, for tests against a server on 127.0.0.1. */
    public AddressPolicy allowingLoopback() {
        return new AddressPolicy(resolver, true);
    }

    /** Resolves {@code host} and returns its addresses, or refuses if any of them is not public. */
    public List<InetAddress> vet(String host) {
        String name = normalize(host);
        if (METADATA_HOSTS.contains(name)) {
            throw refused(host, "it is a cloud metadata host name");
        }
        InetAddress[] addresses = resolve(host, name);
        for (InetAddress address : addresses) {
            blockedReason(address).ifPresent(reason -> {
                throw refused(host, "it resolves to " + address.getHostAddress() + ", a " + reason + " address");
            });
        }
        return List.of(addresses);
    }

    private InetAddress[] resolve(String host, String name) {
        try {
            InetAddress[] addresses = resolver.resolve(name);
            if (addresses == null || addresses.length == 0) {
                throw new UnknownHostException(name);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new InvalidInputException("Host '" + host + "' could not be resolved: check the URL", e);
        }
    }

    private Optional<String> blockedReason(InetAddress address) {
        if (loopbackAllowed && address.isLoopbackAddress()) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        for (EmbeddingPrefix embedding : EMBEDDING) {
            if (embedding.range().contains(bytes)) {
                byte[] ipv4 = Arrays.copyOfRange(bytes, embedding.ipv4Offset(), embedding.ipv4Offset() + 4);
                return blockedRange(ipv4).map(reason -> embedding.range().description() + " " + reason);
            }
        }
        return blockedRange(bytes);
    }

    private static Optional<String> blockedRange(byte[] bytes) {
        return BLOCKED.stream().filter(range -> range.contains(bytes)).map(IpRange::description).findFirst();
    }

    private static String normalize(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static InvalidInputException refused(String host, String why) {
        return new InvalidInputException("Refusing to fetch from host '" + host + "': " + why
                + ". ragfn fetches from public addresses only");
    }

    /** A CIDR block with the reason it matters, such as {@code 10.0.0.0/8 "private"}. */
    private record IpRange(byte[] network, int prefixLength, String description) {

        /** Parses a CIDR literal; an IP literal never touches DNS. */
        static IpRange of(String cidr, String description) {
            String[] parts = cidr.split("/");
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                if (parts[0].contains(":") && network.length == 4) {
                    network = ipv4Mapped(network); // Java returns ::ffff:a.b.c.d as the IPv4 address
                }
                return new IpRange(network, Integer.parseInt(parts[1]), description);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Not an IP literal: " + cidr, e);
            }
        }

        private static byte[] ipv4Mapped(byte[] ipv4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(ipv4, 0, mapped, 12, 4);
            return mapped;
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            if (!Arrays.equals(address, 0, fullBytes, network, 0, fullBytes)) {
                return false;
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = (0xff << (8 - remainingBits)) & 0xff;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
