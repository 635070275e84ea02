package org.pingyi.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operations ("GET /api/events/{eventId}") listed in the served openapi.yaml, read from its paths section. */
public final class OpenApiDocument {
  private static final Pattern PATH = Pattern.compile("^  (/[^:]*):\\s*$");
  private static final Pattern METHOD = Pattern.compile("^    (get|post|put|patch|delete):\\s*$");

  /** One operation: whether it needs no account ({@code security: []}) and whether it takes a request body. */
  public record Operation(String method, String path, boolean isPublic, boolean hasBody) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private final List<Operation> described;

  private OpenApiDocument(List<Operation> described) {
    this.described = described;
  }

  public static OpenApiDocument load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.yaml")) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static OpenApiDocument parse(String yaml) {
    List<Operation> operations = new ArrayList<>();
    String path = null;
    String method = null;
    boolean isPublic = false;
    boolean hasBody = false;
    boolean inPaths = false;
    for (String line : yaml.split("\n")) {
      if (line.startsWith("paths:")) inPaths = true;
      else if (!line.startsWith(" ") && !line.isBlank()) inPaths = false;
      if (!inPaths) continue;
      Matcher p = PATH.matcher(line);
      Matcher m = METHOD.matcher(line);
      boolean next = p.matches() || m.matches() || !line.startsWith("  ") && !line.isBlank();
      if (next && method != null) operations.add(new Operation(method, path, isPublic, hasBody));
      if (next) method = null;
      if (p.matches()) path = p.group(1);
      if (m.matches() && path != null) {
        method = m.group(1).toUpperCase(Locale.ROOT);
        isPublic = false;
        hasBody = false;
      }
      if (method != null && line.equals("      security: []")) isPublic = true;
      if (method != null && line.startsWith("      requestBody:")) hasBody = true;
    }
    if (method != null) operations.add(new Operation(method, path, isPublic, hasBody));
    return new OpenApiDocument(operations);
  }

  public List<String> operations() {
    return described.stream().map(Operation::toString).toList();
  }

  /** The operations with what the document says of their security and body. */
  public List<Operation> described() {
    return described;
  }
}
