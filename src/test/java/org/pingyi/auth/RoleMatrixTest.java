package org.pingyi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Api;
import org.pingyi.support.OpenApiDocument;
import org.pingyi.support.ServerExtension;

/** Every staff route refuses the roles it should (403), lets through those it should, and wants a token (401). */
class RoleMatrixTest {
  private static final Set<String> ANY = Set.of("admin", "organizer", "clerk", "observer");
  private static final Set<String> ORGANIZE = Set.of("admin", "organizer");
  private static final Set<String> ADMIN = Set.of("admin");
  private static final Set<String> COUNT = Set.of("admin", "organizer", "clerk");

  /** The matrix itself: operation → roles allowed. */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("GET /api/config", ANY),
      Map.entry("GET /api/auth/me", ANY),
      Map.entry("POST /api/auth/password", ANY),
      Map.entry("GET /api/accounts", ADMIN),
      Map.entry("POST /api/accounts", ADMIN),
      Map.entry("PATCH /api/accounts/{id}", ADMIN),
      Map.entry("POST /api/accounts/{id}/password", ADMIN),
      Map.entry("GET /api/audit", ADMIN),
      Map.entry("GET /api/audit.csv", ADMIN),
      Map.entry("GET /api/events", ANY),
      Map.entry("POST /api/events", ORGANIZE),
      Map.entry("GET /api/events/{eventId}", ANY),
      Map.entry("PUT /api/events/{eventId}", ORGANIZE),
      Map.entry("POST /api/events/{eventId}/open", ORGANIZE),
      Map.entry("POST /api/events/{eventId}/close", ORGANIZE),
      Map.entry("POST /api/events/{eventId}/archive", ORGANIZE),
      Map.entry("GET /api/events/{eventId}/forms", ANY),
      Map.entry("POST /api/events/{eventId}/forms", ORGANIZE),
      Map.entry("GET /api/templates", ANY),
      Map.entry("GET /api/forms/{formId}", ANY),
      Map.entry("PUT /api/forms/{formId}", ORGANIZE),
      Map.entry("DELETE /api/forms/{formId}", ORGANIZE),
      Map.entry("POST /api/forms/{formId}/paste", ORGANIZE),
      Map.entry("POST /api/events/{eventId}/slips", ORGANIZE),
      Map.entry("GET /api/events/{eventId}/slips/counts", ANY),
      Map.entry("POST /api/events/{eventId}/slips/{serial}/void", ORGANIZE),
      Map.entry("POST /api/events/{eventId}/slips/unreturned", ORGANIZE),
      Map.entry("GET /api/events/{eventId}/slips/unused", ANY),
      Map.entry("GET /api/events/{eventId}/slips/unused.pdf", ANY),
      Map.entry("POST /api/events/{eventId}/slips/void", ORGANIZE),
      Map.entry("POST /api/events/{eventId}/paper-ballots", COUNT),
      Map.entry("GET /api/events/{eventId}/paper-ballots", COUNT),
      Map.entry("DELETE /api/events/{eventId}/paper-ballots/{serial}/entries/{entryId}", COUNT),
      Map.entry("GET /api/events/{eventId}/ballots/counts", ANY),
      Map.entry("GET /api/events/{eventId}/receipts", ANY),
      Map.entry("GET /api/events/{eventId}/tally", ANY),
      Map.entry("GET /api/events/{eventId}/completeness", ANY),
      Map.entry("GET /api/events/{eventId}/exports/ballots.csv", COUNT),
      Map.entry("GET /api/events/{eventId}/exports/ballots.json", COUNT),
      Map.entry("GET /api/events/{eventId}/exports/ballots.xlsx", COUNT),
      Map.entry("GET /api/events/{eventId}/archive/bundle.zip", COUNT),
      Map.entry("GET /api/events/{eventId}/archive/manifest", COUNT),
      Map.entry("GET /api/events/{eventId}/exports/summary.xlsx", COUNT),
      Map.entry("GET /api/events/{eventId}/exports/summary.pdf", COUNT),
      Map.entry("GET /api/events/{eventId}/tally/stream", ANY),
      Map.entry("PUT /api/events/{eventId}/screen", ORGANIZE),
      Map.entry("POST /api/events/{eventId}/screen-links", ORGANIZE),
      Map.entry("GET /api/events/{eventId}/screen-links", ORGANIZE),
      Map.entry("DELETE /api/events/{eventId}/screen-links/{linkId}", ORGANIZE),
      Map.entry("GET /api/probation/entries", ANY),
      Map.entry("POST /api/probation/entries", ORGANIZE),
      Map.entry("PUT /api/probation/entries/{entryId}", ORGANIZE),
      Map.entry("DELETE /api/probation/entries/{entryId}", ORGANIZE),
      Map.entry("POST /api/probation/paste", ORGANIZE),
      Map.entry("GET /api/probation/due", ANY),
      Map.entry("GET /api/probation/register.xlsx", ANY),
      Map.entry("POST /api/probation/assessments", ORGANIZE),
      Map.entry("POST /api/events/{eventId}/probation-cadres", ORGANIZE),

      // Organizers and admins, and accounts an admin granted the right to (FeedbackApiTest checks the grant).
      Map.entry("GET /api/feedback/boxes", ORGANIZE),
      Map.entry("POST /api/feedback/boxes", ORGANIZE),
      Map.entry("GET /api/feedback/boxes/{boxId}/poster.pdf", ORGANIZE),
      Map.entry("GET /api/feedback/boxes/{boxId}/messages", ORGANIZE),
      Map.entry("GET /api/feedback/boxes/{boxId}/messages.xlsx", ORGANIZE),
      Map.entry("POST /api/feedback/messages/{messageId}/triage", ORGANIZE),
      Map.entry("GET /api/feedback/handlers", ADMIN),
      Map.entry("PUT /api/feedback/handlers/{accountId}", ADMIN));

  @RegisterExtension
  static final ServerExtension server = new ServerExtension();
  private static Map<String, Api> clients;

  @BeforeAll
  static void signIn() {
    Api admin = server.api().asAdmin();
    clients = Map.of(
        "admin", admin,
        "organizer", server.api().asAdmin().newStaff("org", "organizer", "organizer-pass"),
        "clerk", server.api().asAdmin().newStaff("clerk", "clerk", "clerk-password"),
        "observer", server.api().asAdmin().newStaff("obs", "observer", "observer-pass"));
  }

  @Test
  void theMatrixCoversEveryDocumentedStaffOperation() {
    Set<String> documented = OpenApiDocument.load().operations().stream()
        .filter(op -> op.contains(" /api/"))
        .filter(op -> !op.equals("POST /api/auth/login"))
        .filter(op -> !op.contains(" /api/v/")) // the voter's API: a slip's token, not an account
        .filter(op -> !op.contains(" /api/f/") && !op.equals("POST /api/followup")) // the feedback box's: anyone
        .collect(Collectors.toSet());

    assertThat(ALLOWED.keySet()).containsExactlyInAnyOrderElementsOf(documented);
  }

  @Test
  void everyStaffRouteWantsAToken() {
    for (String operation : ALLOWED.keySet()) {
      var response = call(server.api(), operation);
      assertThat(response.statusCode()).as(operation).isEqualTo(401);
      assertThat(response.bodyAsJsonObject().getString("error")).as(operation).isEqualTo("unauthorized");
    }
  }

  @Test
  void everyRoleIsRefusedWhereItMayNotActAndLetThroughWhereItMay() {
    for (var entry : ALLOWED.entrySet()) {
      for (String role : List.of("organizer", "clerk", "observer", "admin")) {
        int status = call(clients.get(role), entry.getKey()).statusCode();
        String what = role + " → " + entry.getKey();
        if (entry.getValue().contains(role)) {
          assertThat(status).as(what).isNotIn(401, 403);
        } else {
          assertThat(status).as(what).isEqualTo(403);
        }
      }
    }
  }

  /** Calls an operation with made-up ids and an empty body: enough to pass or fail the role check, and change nothing. */
  private static io.vertx.ext.web.client.HttpResponse<Buffer> call(Api api, String operation) {
    String[] parts = operation.split(" ", 2);
    String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    HttpMethod method = HttpMethod.valueOf(parts[0]);
    Buffer body = method == HttpMethod.GET || method == HttpMethod.DELETE ? null : Buffer.buffer("{}");
    return api.send(method, path, body);
  }
}
