package dev.arca.core.policy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/** An IPv4 or IPv6 CIDR block as IpAddress/NotIpAddress take it; a bare address is a /32 or /128. */
public record IpRange(byte[] network, int prefixLength) {

    public IpRange {
        Objects.requireNonNull(network);
        network = network.clone();
    }

    /** Parses {@code 203.0.113.0/24}, {@code 2001:db8::/32} or a bare address; empty when malformed. Never resolves names. */
    public static Optional<IpRange> parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        // Only literal characters: InetAddress.ofLiteral never does DNS, but refuse names outright anyway.
        if (address.isEmpty() || !address.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = InetAddress.ofLiteral(address).getAddress();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String bits = trimmed.substring(slash + 1);
            if (!bits.matches("[0-9]{1,3}") || Integer.parseInt(bits) > max) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(bits);
        }
        return Optional.of(new IpRange(bytes, prefix));
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    /** Whether {@code address} (same family) lies in this block. */
    public boolean contains(IpRange address) {
        return address.network.length == network.length && masked(address.network).equals(masked(network));
    }

    /** Whether bits are set after the mask ({@code 10.0.0.1/8}): the Access Analyzer "Improve IP range" case. */
    public boolean hasHostBits() {
        return !masked(network).equals(new BigInteger(1, network));
    }

    /** Whether the whole block lies in a private, loopback or link-local range (Access Analyzer "Private IP address"). */
    public boolean isPrivate() {
        int a = network[0] & 0xff;
        int b = network[1] & 0xff;
        if (network.length == 4) {
            return a == 10 && prefixLength >= 8 || a == 172 && (b & 0xf0) == 16 && prefixLength >= 12
                    || a == 192 && b == 168 && prefixLength >= 16 || a == 127 && prefixLength >= 8
                    || a == 169 && b == 254 && prefixLength >= 16;
        }
        return (a & 0xfe) == 0xfc && prefixLength >= 7 || a == 0xfe && (b & 0xc0) == 0x80 && prefixLength >= 10
                || new BigInteger(1, network).equals(BigInteger.ONE) && prefixLength == 128;
    }

    private BigInteger masked(byte[] bytes) {
        int bits = bytes.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .shiftRight(prefixLength).xor(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        return new BigInteger(1, bytes).and(mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.prefixLength == prefixLength && java.util.Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return new BigInteger(1, network).toString(16) + "/" + prefixLength;
    }
}
