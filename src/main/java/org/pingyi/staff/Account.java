package org.pingyi.staff;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A staff account as stored, with its password hash (which never leaves the server). */
public record Account(UUID id, String username, String displayName, Role role, String passwordHash, boolean active,
               boolean passwordChangeRequired, Integer tokenVersion, OffsetDateTime createdAt) {

  static Account from(Row row) {
    return new Account(row.getUUID("id"), row.getString("username"), row.getString("display_name"),
        Role.fromWire(row.getString("role")).orElseThrow(), row.getString("password_hash"),
        row.getBoolean("active"), row.getBoolean("password_change_required"), row.getInteger("token_version"), row.getOffsetDateTime("created_at"));
  }

  public Staff staff() {
    return new Staff(id, username, displayName, role, passwordChangeRequired);
  }

  public JsonObject toJson() {
    return staff().toJson().put("active", active).put("createdAt", createdAt.toString());
  }
}
