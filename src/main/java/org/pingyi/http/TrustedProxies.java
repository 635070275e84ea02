package org.pingyi.http;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies whose X-Forwarded-For header is believed (PINGYI_TRUSTED_PROXIES), and so the address of
 * the client behind them. Anyone can send the header, so it is read only when the connection itself comes from a
 * listed proxy, and only as far back as the hops are listed proxies: the first address from the right that is not
 * a trusted proxy is the client (a phone that forges "X-Forwarded-For: 1.2.3.4" gets it appended to, and is still
 * seen by its own address). Entries are IP addresses or CIDR blocks, never host names: a name would need DNS on
 * every connection and could be made to point anywhere.
 */
public final class TrustedProxies {
  private final List<Block> blocks;

  private record Block(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) return false;
      int full = prefix / 8;
      for (int i = 0; i < full; i++) if (address[i] != network[i]) return false;
      int rest = prefix % 8;
      if (rest == 0) return true;
      int mask = 0xff << (8 - rest) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /** A comma-separated list such as "127.0.0.1, ::1, 10.0.0.0/8"; throws IllegalArgumentException naming a bad entry. */
  public static TrustedProxies parse(String list) {
    List<Block> blocks = new ArrayList<>();
    for (String raw : list.split(",")) {
      String entry = raw.trim();
      if (entry.isEmpty()) continue;
      int slash = entry.indexOf('/');
      byte[] network = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? entry : entry.substring(0, slash));
      if (network == null) throw new IllegalArgumentException("not an IP address or CIDR block: '" + entry + "'");
      int prefix = network.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > network.length * 8) {
          throw new IllegalArgumentException("bad prefix length in '" + entry + "'");
        }
      }
      blocks.add(new Block(network, prefix));
    }
    return new TrustedProxies(blocks);
  }

  /** Whether a connection from this address (as Vert.x prints it) comes from a trusted proxy. */
  public boolean trusts(String address) {
    if (blocks.isEmpty()) return false;
    byte[] bytes = address == null ? null : NetUtil.createByteArrayFromIpAddressString(address);
    return bytes != null && trusts(bytes);
  }

  private boolean trusts(byte[] address) {
    for (Block block : blocks) if (block.contains(address)) return true;
    return false;
  }

  /**
   * The client's address: the peer's, unless the peer is a trusted proxy; then X-Forwarded-For read from the
   * right, skipping trusted proxies. An entry that is not an IP address ends the walk at the hop before it (a
   * trusted proxy), so that garbage can never become an address of its own to count guesses by.
   */
  public String clientOf(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    return clientOf(peer, request.headers().getAll("X-Forwarded-For"));
  }

  /** {@link #clientOf(HttpServerRequest)} for a peer address and the X-Forwarded-For headers it sent. */
  String clientOf(String peer, List<String> forwardedForHeaders) {
    if (blocks.isEmpty() || !trusts(peer)) return peer;
    List<String> hops = forwardedFor(forwardedForHeaders);
    String client = canonical(peer).orElse(peer);
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<String> hop = canonical(hops.get(i));
      if (hop.isEmpty()) return client;
      client = hop.get();
      if (!trusts(client)) return client;
    }
    return client;
  }

  private static List<String> forwardedFor(List<String> headers) {
    List<String> hops = new ArrayList<>();
    for (String header : headers) {
      for (String hop : header.split(",")) hops.add(hop.trim());
    }
    return hops;
  }

  /** The address as InetAddress prints it (so ::1 and 0:0:0:0:0:0:0:1 are one key), or empty if it is none. */
  private static Optional<String> canonical(String text) {
    String bare = text.startsWith("[") && text.contains("]") ? text.substring(1, text.indexOf(']')) : text;
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
    if (bytes == null) return Optional.empty();
    try {
      return Optional.of(InetAddress.getByAddress(bytes).getHostAddress());
    } catch (UnknownHostException impossible) {
      return Optional.empty();
    }
  }
}
