package org.pingyi.staff;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The signed-in staff member behind a request, as the database knows them now (not as their token says).
 * {@code passwordChangeRequired}: their password was set by someone else and they have not replaced it yet.
 */
public record Staff(UUID id, String username, String displayName, Role role, boolean passwordChangeRequired) {

  public boolean mayActAs(Role... allowed) {
    if (role == Role.ADMIN) return true;
    for (Role r : allowed) {
      if (r == role) return true;
    }
    return false;
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id.toString()).put("username", username)
        .put("displayName", displayName).put("role", role.wireName())
        .put("passwordChangeRequired", passwordChangeRequired);
  }
}
