package org.pingyi.http;

/**
 * The client closed the connection while a streamed body was being written: nothing to answer, and no
 * server fault to log as one.
 */
public final class ClientGone extends RuntimeException {
  public ClientGone(Throwable cause) {
    super("the client closed the connection", cause, false, false);
  }
}
