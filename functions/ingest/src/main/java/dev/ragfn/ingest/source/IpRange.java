package dev.ragfn.ingest.source;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** A CIDR block with the reason it matters, such as {@code 10.0.0.0/8 "private"}. */
record IpRange(byte[] network, int prefixLength, String description) {

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
