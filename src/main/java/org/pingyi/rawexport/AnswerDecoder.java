package org.pingyi.rawexport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a ballot's answers, as PostgreSQL prints the jsonb, straight to the values of the export's columns: one
 * pass of a streaming parser, skipping what no column reads, instead of building every answer into maps first.
 * A value is what the maps would have held: a string, a list of strings, or null (absent, JSON null, or below
 * something that is not an object). Anything else where a column reads (a number, an object, a list holding
 * other than strings) makes {@link #decode} answer false, and the caller reads that ballot through the maps,
 * which print such values in their own way.
 */
final class AnswerDecoder {
  private static final JsonFactory JSON = new JsonFactory();

  /** A key's place in the paths: the columns ending here, or the keys further down (never both). */
  private static final class Node {
    final Map<String, Node> children = new HashMap<>();
    final List<Integer> columns = new ArrayList<>();
  }

  private final Node root = new Node();
  private final Object[] values;
  private final boolean usable;

  AnswerDecoder(List<List<String>> paths) {
    values = new Object[paths.size()];
    for (int column = 0; column < paths.size(); column++) {
      Node node = root;
      for (String key : paths.get(column)) {
        if (key == null) {
          node = null;
          break;
        }
        node = node.children.computeIfAbsent(key, k -> new Node());
      }
      if (node != null) node.columns.add(column);
    }
    // A path ending where another goes on (no valid form has one) is left to the maps.
    usable = !clashes(root);
  }

  private static boolean clashes(Node node) {
    if (!node.columns.isEmpty() && !node.children.isEmpty()) return true;
    for (Node child : node.children.values()) {
      if (clashes(child)) return true;
    }
    return false;
  }

  /** The values of the last {@link #decode}, by column; the same array every time. */
  Object[] values() {
    return values;
  }

  /** Reads one ballot's answers into {@link #values()}; false if only the maps can say what it prints. */
  boolean decode(String answers) {
    Arrays.fill(values, null);
    if (!usable) return false;
    try (JsonParser parser = JSON.createParser(answers)) {
      return parser.nextToken() == JsonToken.START_OBJECT && object(parser, root) && parser.nextToken() == null;
    } catch (IOException e) {
      throw new UncheckedIOException("stored answers that are not JSON", e);
    }
  }

  /** Reads the object the parser is at the start of, down to its end. */
  private boolean object(JsonParser parser, Node node) throws IOException {
    String key;
    while ((key = parser.nextFieldName()) != null) {
      JsonToken token = parser.nextToken();
      Node child = node.children.get(key);
      if (child == null) {
        parser.skipChildren();
      } else if (!child.columns.isEmpty()) {
        if (!leaf(parser, token, child)) return false;
      } else if (token == JsonToken.START_OBJECT) {
        if (!object(parser, child)) return false;
      } else {
        // Not an object: nothing below it is found (the maps' AnswerCells.map gives an empty map).
        parser.skipChildren();
      }
    }
    return parser.currentToken() == JsonToken.END_OBJECT;
  }

  private boolean leaf(JsonParser parser, JsonToken token, Node node) throws IOException {
    Object value;
    if (token == JsonToken.VALUE_STRING) {
      value = parser.getText();
    } else if (token == JsonToken.VALUE_NULL) {
      value = null;
    } else if (token == JsonToken.START_ARRAY) {
      List<Object> list = new ArrayList<>(2);
      JsonToken item;
      while ((item = parser.nextToken()) == JsonToken.VALUE_STRING) list.add(parser.getText());
      if (item != JsonToken.END_ARRAY) return false;
      value = list;
    } else {
      return false;
    }
    for (int column : node.columns) values[column] = value;
    return true;
  }
}
