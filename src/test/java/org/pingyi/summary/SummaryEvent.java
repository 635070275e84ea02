package org.pingyi.summary;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pingyi.support.Api;
import org.pingyi.support.Fixtures;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Voting;

/**
 * An event with one form of one template, voted on as a meeting does: slips issued per category, ballots cast
 * on phones over HTTP and paper ballots entered twice by two clerks (unreadable ones too), then closed.
 */
final class SummaryEvent {
  final Api organizer;
  final Api clerk1;
  final Api clerk2;
  final String id;
  final String formId;
  private final String template;
  private final ServerExtension server;
  private final Map<String, Deque<String[]>> slips = new HashMap<>();

  private SummaryEvent(ServerExtension server, Api organizer, Api clerk1, Api clerk2, String id, String formId,
                       String template) {
    this.server = server;
    this.template = template;
    this.organizer = organizer;
    this.clerk1 = clerk1;
    this.clerk2 = clerk2;
    this.id = id;
    this.formId = formId;
  }

  /** A draft with one form from {@code template}; {@code event} adjusts the event's details first. */
  static SummaryEvent draft(ServerExtension server, String template, UnaryOperator<JsonObject> event) {
    return draft(server, template, event, "");
  }

  /** As {@link #draft(ServerExtension, String, UnaryOperator)}, its staff named with {@code staff} first, so one
   * database can hold several such events. */
  static SummaryEvent draft(ServerExtension server, String template, UnaryOperator<JsonObject> event, String staff) {
    Api admin = server.api().asAdmin();
    Api organizer = admin.newStaff(staff + "organizer", "organizer", "organizer-pass");
    Api clerk1 = server.api().asAdmin().newStaff(staff + "clerk1", "clerk", "clerk1-password");
    Api clerk2 = server.api().asAdmin().newStaff(staff + "clerk2", "clerk", "clerk2-password");
    String id = organizer.post("/api/events", event.apply(Fixtures.event("2026年度干部工作民主评议")))
        .bodyAsJsonObject().getString("id");
    String formId = organizer.post("/api/events/" + id + "/forms", new JsonObject().put("template", template))
        .bodyAsJsonObject().getString("id");
    return new SummaryEvent(server, organizer, clerk1, clerk2, id, formId, template);
  }

  /** Pastes rows, candidates or subjects into the form, as the console does. */
  SummaryEvent paste(JsonObject body) {
    expect(organizer.post("/api/forms/" + formId + "/paste", body), 200);
    return this;
  }

  /** Edits the form's JSON definition in place. */
  SummaryEvent edit(UnaryOperator<JsonObject> change) {
    JsonObject form = organizer.get("/api/forms/" + formId).bodyAsJsonObject();
    expect(organizer.put("/api/forms/" + formId, new JsonObject().put("version", form.getInteger("version"))
        .put("definition", change.apply(form.getJsonObject("definition")))), 200);
    return this;
  }

  SummaryEvent open() {
    expect(organizer.post("/api/events/" + id + "/open", null), 200);
    return this;
  }

  /** Issues {@code count} slips of a category as CSV and keeps them, serial and token, for the ballots to come. */
  SummaryEvent issue(String category, int count) {
    HttpResponse<Buffer> issued = organizer.post("/api/events/" + id + "/slips",
        new JsonObject().put("category", category).put("format", "csv").put("count", count).put("reason", "测试：按需多发"));
    expect(issued, 200);
    Deque<String[]> queue = slips.computeIfAbsent(category, c -> new ArrayDeque<>());
    Arrays.stream(issued.bodyAsString().replace("\uFEFF", "").split("\r\n")).skip(1)
        .map(line -> new String[] {line.substring(0, line.indexOf(',')), line.substring(line.lastIndexOf('/') + 1)})
        .forEach(queue::add);
    return this;
  }

  /** Casts the answers {@code {questionId: answer}} of this event's form on a phone, with the next slip. */
  SummaryEvent phone(String category, JsonObject answers) {
    String token = slips.get(category).poll()[1];
    expect(server.api().post("/api/v/" + token, Voting.ballot(Voting.newNonce(), new JsonObject().put(formId, answers))), 201);
    return this;
  }

  /** Enters a paper ballot twice, by two clerks, as marked (too many marks and blanks included). */
  SummaryEvent paper(String category, JsonObject answers) {
    return enterTwice(new JsonObject().put("serial", slips.get(category).poll()[0])
        .put("answers", new JsonObject().put(formId, answers)));
  }

  SummaryEvent unreadable(String category) {
    return enterTwice(new JsonObject().put("serial", slips.get(category).poll()[0]).put("unreadable", true));
  }

  SummaryEvent close() {
    expect(organizer.post("/api/events/" + id + "/close", null), 200);
    return this;
  }

  HttpResponse<Buffer> export(Api as, String file) {
    return as.get("/api/events/" + id + "/exports/" + file);
  }

  /** The exported workbook, also kept under target/summary-samples for a person to open and look at. */
  XSSFWorkbook workbook() {
    HttpResponse<Buffer> response = export(clerk1, "summary.xlsx");
    expect(response, 200);
    keep(response.body().getBytes(), "xlsx");
    keep(export(clerk1, "summary.pdf").body().getBytes(), "pdf");
    try {
      return new XSSFWorkbook(new ByteArrayInputStream(response.body().getBytes()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void keep(byte[] bytes, String extension) {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "summary-samples"));
      java.nio.file.Files.write(dir.resolve(template + "." + extension), bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private SummaryEvent enterTwice(JsonObject entry) {
    expect(clerk1.post("/api/events/" + id + "/paper-ballots", entry), 202);
    expect(clerk2.post("/api/events/" + id + "/paper-ballots", entry), 201);
    return this;
  }

  private static void expect(HttpResponse<Buffer> response, int status) {
    if (response.statusCode() != status) {
      throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": " + response.bodyAsString());
    }
  }
}
