package org.pingyi.support;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pingyi.support.BodyMutations.Mutation;
import org.pingyi.support.HostileRequest.Expect;
import org.pingyi.support.OpenApiDocument.Operation;

/**
 * Builds the hostile corpus from the OpenAPI document, so that a new route is attacked as soon as it is
 * documented: forged credentials on every staff operation, hostile values in every path parameter, broken and
 * hostile bodies for every operation that takes one (and a body where none belongs), undocumented methods on
 * every path (405 with Allow), HEAD on every GET (answered like it on pages, 405 on the API), and static-file
 * traversal.
 */
public final class HostileCorpus {
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE", "OPTIONS");
  private static final byte[] NONE = new byte[0];

  /** What the corpus aims at: real path values, a valid body per operation, and a signed-in staff token. */
  public interface Targets {
    /** A real value for the path parameter (asked each time a request is sent: it may be fresh every time). */
    String param(String name);

    /** A valid body for the operation ("POST /api/events"), or null if the test has none. */
    Supplier<JsonObject> sample(String operation);

    String bearer();
  }

  private final Targets targets;
  private final List<HostileRequest> requests = new ArrayList<>();

  private HostileCorpus(Targets targets) {
    this.targets = targets;
  }

  public static List<HostileRequest> against(List<Operation> operations, Targets targets, List<String> forged) {
    HostileCorpus corpus = new HostileCorpus(targets);
    operations.forEach(op -> corpus.attack(op, forged));
    corpus.wrongMethods(operations);
    corpus.heads(operations);
    for (String path : HostilePayloads.STATIC_PATHS) {
      corpus.requests.add(HostileRequest.refused("static traversal", "GET", () -> path, Map.of(), () -> NONE, 0));
    }
    return corpus.requests;
  }

  private void attack(Operation op, List<String> forged) {
    Supplier<JsonObject> sample = targets.sample(op.toString());
    Supplier<byte[]> valid = sample == null ? () -> NONE : () -> BodyMutations.bytes(sample.get());
    boolean page = !op.path().startsWith("/api/");
    if (!op.isPublic()) {
      for (String authorization : forged) {
        Map<String, String> headers = json(op, authorization == null ? Map.of() : Map.of("Authorization", authorization));
        requests.add(HostileRequest.refused("credentials " + HostileRequest.abbreviated(String.valueOf(authorization)),
            op.method(), uri(op, null, null), headers, valid, authorization != null && authorization.length() > 3000 ? 0 : 401));
      }
    }
    Matcher params = PARAM.matcher(op.path());
    while (params.find()) {
      String name = params.group(1);
      for (String value : HostilePayloads.PATH_VALUES) {
        requests.add(new HostileRequest("path {" + name + "} = " + HostileRequest.abbreviated(value), op.method(),
            uri(op, name, value), json(op, staff()), valid, page ? Expect.PAGE : Expect.REFUSED, 0));
      }
    }
    if (op.hasBody()) {
      Supplier<JsonObject> base = sample == null ? JsonObject::new : sample;
      for (Mutation m : BodyMutations.of(base)) {
        Map<String, String> headers = new HashMap<>(staff());
        if (m.contentType() != null) headers.put("Content-Type", m.contentType());
        requests.add(new HostileRequest(m.label(), op.method(), uri(op, null, null), headers, m.body(), m.expect(), m.status()));
      }
    } else if (!page) {
      Map<String, String> headers = new HashMap<>(staff());
      headers.put("Content-Type", "application/json");
      requests.add(HostileRequest.refused("a broken body where none belongs", op.method(), uri(op, null, null), headers,
          () -> "{\"a\":".getBytes(StandardCharsets.UTF_8), 400));
      requests.add(HostileRequest.refused("a non-JSON body where none belongs", op.method(), uri(op, null, null),
          Map.of("Authorization", "Bearer " + targets.bearer(), "Content-Type", "text/plain"),
          () -> "hello".getBytes(StandardCharsets.UTF_8), 415));
    }
  }

  /** Methods the document does not list for a path: 405 naming those it does (HostileClient checks Allow). */
  private void wrongMethods(List<Operation> operations) {
    Map<String, Set<String>> byPath = new LinkedHashMap<>();
    Map<String, Operation> any = new HashMap<>();
    for (Operation op : operations) {
      byPath.computeIfAbsent(op.path(), p -> new TreeSet<>()).add(op.method());
      any.putIfAbsent(op.path(), op);
    }
    byPath.forEach((path, documented) -> {
      for (String method : METHODS) {
        if (documented.contains(method)) continue;
        Operation op = any.get(path);
        requests.add(HostileRequest.refused("undocumented method", method, uri(op, null, null), staff(), () -> NONE, 405));
      }
    });
  }

  /**
   * HEAD where the document lists GET: a page (outside /api) answers it as it answers GET, without a body; the API
   * refuses it (405), so that a HEAD never runs an export or opens a tally stream to send nothing.
   */
  private void heads(List<Operation> operations) {
    for (Operation op : operations) {
      if (!op.method().equals("GET")) continue;
      boolean page = !op.path().startsWith("/api/");
      requests.add(new HostileRequest("HEAD of a GET", "HEAD", uri(op, null, null), staff(), () -> NONE,
          page ? Expect.SERVED : Expect.REFUSED, page ? 0 : 405));
    }
  }

  private Supplier<String> uri(Operation op, String hostileParam, String hostileValue) {
    return () -> {
      Matcher m = PARAM.matcher(op.path());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        m.appendReplacement(out, Matcher.quoteReplacement(name.equals(hostileParam) ? hostileValue : targets.param(name)));
      }
      return m.appendTail(out).toString();
    };
  }

  private Map<String, String> staff() {
    return Map.of("Authorization", "Bearer " + targets.bearer());
  }

  private static Map<String, String> json(Operation op, Map<String, String> headers) {
    if (!op.hasBody()) return headers;
    Map<String, String> withType = new HashMap<>(headers);
    withType.put("Content-Type", "application/json");
    return withType;
  }
}
