package org.pingyi.rawexport;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The raw ballots as one JSON document, {"event": ..., "forms": [...], "ballots": [...]}, written piece by
 * piece (one ballot per line) and never built whole. Ballots carry their answers as stored, keyed by form and
 * question id, so a program can count them again against the frozen forms given alongside.
 */
public final class RawBallotJson {
  static final String ORDER = "选票按随机生成的选票编号排序，与投票先后无关";

  private RawBallotJson() {
  }

  /** Writes the document and flushes; {@code out} stays open (it may be a zip entry). */
  static void write(OutputStream out, RawExport export, RawBallotRepository.Ballots ballots) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    writer.write("{\"event\":" + export.event().encode());
    writer.write(",\"order\":" + Json.encode(ORDER));
    writer.write(",\"minGroupSize\":" + export.categories().minGroupSize());
    writer.write(",\"forms\":[");
    for (int i = 0; i < export.forms().size(); i++) {
      ExportedForm form = export.forms().get(i);
      writer.write((i > 0 ? "," : "") + "{\"id\":\"" + form.id() + "\",\"sha256\":\"" + form.frozenSha256()
          + "\",\"definition\":" + form.canonicalJson() + "}");
    }
    writer.write("],\"ballots\":[");
    boolean first = true;
    while (ballots.hasNext()) {
      writer.write(first ? "\n" : ",\n");
      writer.write(ballot(ballots.next().parsed(), export.categories()).encode());
      first = false;
    }
    writer.write("\n]}\n");
    writer.flush();
  }

  private static JsonObject ballot(RawBallot ballot, RawCategories categories) {
    return new JsonObject().put("category", categories.code(ballot.categoryCode()))
        .put("channel", ballot.channel()).put("unreadable", ballot.unreadable())
        .put("answers", new JsonObject(ballot.answers()));
  }
}
