package org.pingyi.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether the phones in the hall can reach the public address printed on the slips. Only what is certain from the
 * address itself: a loopback, unspecified or link-local host is never what a phone should open. Names are not
 * looked up (that would block, and the hall's DNS is not the server's): a name other than localhost passes.
 */
public final class PhoneReach {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private PhoneReach() {
  }

  /** Why phones cannot open {@code publicUrl}, in Chinese; empty when nothing is known to be wrong. */
  public static Optional<String> problem(String publicUrl) {
    String host;
    try {
      host = URI.create(publicUrl).getHost();
    } catch (IllegalArgumentException e) {
      return Optional.of("地址格式不正确");
    }
    if (host == null) return Optional.of("地址里没有主机名");
    String name = host.toLowerCase(Locale.ROOT);
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return Optional.of(host + " 指的是服务器本机，手机上它指手机自己");
    }
    boolean literal = IPV4.matcher(name).matches() || name.startsWith("[") || name.contains(":");
    if (!literal) return Optional.empty();
    InetAddress address;
    try {
      // A literal address is parsed, never looked up.
      address = InetAddress.getByName(name.replace("[", "").replace("]", ""));
    } catch (UnknownHostException e) {
      return Optional.of("地址 " + host + " 不是有效的 IP 地址");
    }
    if (address.isLoopbackAddress()) return Optional.of(host + " 是本机回环地址，手机上它指手机自己");
    if (address.isAnyLocalAddress()) return Optional.of(host + " 表示“本机所有网卡”，不是手机能访问的地址");
    if (address.isLinkLocalAddress()) {
      return Optional.of(host + " 是链路本地地址（网卡没有从路由器取得地址时自动分配），手机通常无法访问");
    }
    return Optional.empty();
  }
}
