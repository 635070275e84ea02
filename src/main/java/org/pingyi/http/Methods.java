package org.pingyi.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods each address answers. Every page (an address outside /api) answers HEAD as it answers GET, without
 * a body, for link checkers, chat apps previewing a link and monitoring probes. A method an address does not
 * take is refused with 405 and an Allow header naming those it does, rather than a 404 saying it does not exist.
 * The API does not answer HEAD: it would run a query or an export, or open a tally stream, to send nothing.
 */
public final class Methods implements Handler<RoutingContext> {
  private static final Pattern PARAM = Pattern.compile(":[A-Za-z][A-Za-z0-9_]*");

  /** A routed address and the methods it takes. */
  private record Address(Pattern path, Set<HttpMethod> methods) {
  }

  private final List<Address> addresses;

  private Methods(List<Address> addresses) {
    this.addresses = addresses;
  }

  /**
   * Lets every page's GET route answer HEAD too, then mounts the 405 check. Call once every route is mounted,
   * and before the fallbacks (the API's 404, the static files), which take any method on any address.
   */
  public static void mount(Router router) {
    List<Address> addresses = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      if (route.getPath() == null || route.methods() == null || route.methods().isEmpty()) continue;
      if (!route.getPath().startsWith("/api/") && route.methods().contains(HttpMethod.GET)) {
        route.method(HttpMethod.HEAD);
      }
      addresses.add(new Address(pattern(route.getPath()), Set.copyOf(route.methods())));
    }
    router.route().handler(new Methods(List.copyOf(addresses)));
  }

  /** Reached only by a request no route took: if its address is routed for other methods, that is a 405. */
  @Override
  public void handle(RoutingContext ctx) {
    String path = RequestLog.routedPath(ctx);
    Set<String> allowed = new TreeSet<>();
    for (Address address : addresses) {
      if (address.path().matcher(path).matches()) address.methods().forEach(m -> allowed.add(m.name()));
    }
    if (allowed.isEmpty() || allowed.contains(ctx.request().method().name())) {
      ctx.next();
      return;
    }
    throw AppError.methodNotAllowed(allowed);
  }

  /** The route's path as the router matches it: a parameter is one segment, and a trailing slash is allowed. */
  static Pattern pattern(String routePath) {
    Matcher params = PARAM.matcher(routePath);
    StringBuilder regex = new StringBuilder();
    int literal = 0;
    while (params.find()) {
      regex.append(Pattern.quote(routePath.substring(literal, params.start()))).append("[^/]+");
      literal = params.end();
    }
    regex.append(Pattern.quote(routePath.substring(literal)));
    if (!routePath.endsWith("/")) regex.append("/?");
    return Pattern.compile(regex.toString());
  }
}
