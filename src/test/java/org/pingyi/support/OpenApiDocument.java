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

  private final List<String> operations;

  private OpenApiDocument(List<String> operations) {
    this.operations = operations;
  }

  public static OpenApiDocument load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.yaml")) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static OpenApiDocument parse(String yaml) {
    List<String> operations = new ArrayList<>();
    String path = null;
    boolean inPaths = false;
    for (String line : yaml.split("\n")) {
      if (line.startsWith("paths:")) inPaths = true;
      else if (!line.startsWith(" ") && !line.isBlank()) inPaths = false;
      if (!inPaths) continue;
      Matcher p = PATH.matcher(line);
      if (p.matches()) path = p.group(1);
      Matcher m = METHOD.matcher(line);
      if (m.matches() && path != null) operations.add(m.group(1).toUpperCase(Locale.ROOT) + " " + path);
    }
    return new OpenApiDocument(operations);
  }

  public List<String> operations() {
    return operations;
  }
}
