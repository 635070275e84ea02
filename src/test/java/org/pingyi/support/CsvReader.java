package org.pingyi.support;

import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader for the tests: quoted fields with doubled quotes, commas and line breaks inside. */
public final class CsvReader {

  private CsvReader() {
  }

  /** Every record of the text (records end with CRLF), each a list of fields. */
  public static List<List<String>> read(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }

  /** The value a field stands for: the apostrophe that guards against formulas read off again. */
  public static String value(String field) {
    return field.startsWith("'") ? field.substring(1) : field;
  }
}
