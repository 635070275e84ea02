package org.pingyi.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps the HTTP series' labels to a small, fixed set of values that say nothing about who asked. Vert.x labels a
 * request with every named route it passed, joined by '>' ("/api/>/api/>/api/v/:token"); only the last is the
 * route that answered, always a pattern written in the code, never the path (which may carry a slip token or a
 * screen key). A request no route of its own answered (the API's 404, a refusal before its route, an unknown
 * page) is "unmatched", and the console's files "static"; a ballot's refusals (415, 413, broken JSON) come from
 * its own routes and carry its pattern. Methods outside the standard ones are "OTHER", so a
 * client cannot mint new series by inventing methods.
 */
final class HttpLabels implements MeterFilter {
  static final String UNMATCHED = "unmatched";
  static final String STATIC = "static";
  /** The prefix routes that every API request passes, and the API's 404 that catches the rest. */
  private static final Set<String> NOT_A_ROUTE = Set.of("", "/api/", "/api/*");
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

  @Override
  public Meter.Id map(Meter.Id id) {
    if (!id.getName().startsWith("vertx.http.server.")) return id;
    String route = id.getTag("route");
    String method = id.getTag("method");
    if (route == null && method == null) return id;
    List<Tag> tags = new ArrayList<>();
    for (Tag tag : id.getTagsAsIterable()) {
      switch (tag.getKey()) {
        case "route" -> tags.add(Tag.of("route", route(route, id.getTag("code"))));
        case "method" -> tags.add(Tag.of("method", METHODS.contains(method) ? method : "OTHER"));
        default -> tags.add(tag);
      }
    }
    return id.replaceTags(tags);
  }

  /** The route that answered, from Vert.x's chain of routes and the status code. */
  static String route(String chain, String code) {
    String last = chain.substring(chain.lastIndexOf('>') + 1);
    if (!NOT_A_ROUTE.contains(last)) return last;
    boolean served = code != null && (code.startsWith("2") || code.startsWith("3"));
    return "".equals(last) && served ? STATIC : UNMATCHED;
  }
}
