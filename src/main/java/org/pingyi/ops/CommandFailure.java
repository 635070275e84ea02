package org.pingyi.ops;

/** Why an operator's command (backup, restore) stopped, in one Chinese sentence for the terminal. */
final class CommandFailure extends RuntimeException {
  CommandFailure(String message) {
    super(message);
  }

  CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
