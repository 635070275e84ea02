package org.pingyi.ballot;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingyi.form.FormRepository;

/**
 * An open event's frozen forms, parsed once instead of on every ballot. Safe to keep per process: once an
 * event opens its forms can never change again, so every instance's copy is the same.
 */
public final class FrozenFormCache {
  private static final int MAX_EVENTS = 256;

  private final FormRepository repository;
  private final Map<UUID, List<FrozenForm>> byEvent = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<UUID, List<FrozenForm>> eldest) {
      return size() > MAX_EVENTS;
    }
  };

  public FrozenFormCache(FormRepository repository) {
    this.repository = repository;
  }

  /** Only for events past draft: a draft's forms are still being edited. */
  public Future<List<FrozenForm>> formsOf(SqlClient client, UUID eventId) {
    List<FrozenForm> cached;
    synchronized (byEvent) {
      cached = byEvent.get(eventId);
    }
    if (cached != null) return Future.succeededFuture(cached);
    return repository.frozen(client, eventId)
        .map(stored -> stored.stream().map(form -> FrozenForm.of(form.id(), form.definition())).toList())
        .onSuccess(forms -> {
          synchronized (byEvent) {
            byEvent.put(eventId, List.copyOf(forms));
          }
        });
  }
}
