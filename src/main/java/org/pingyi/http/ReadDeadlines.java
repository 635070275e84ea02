package org.pingyi.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request arrives too slowly. The idle timeout alone restarts with every byte, so a
 * client sending one byte every two seconds held a connection for ever. Here a request head must arrive whole
 * within the limit of its first byte; a body within the limit of the head, plus one second per KiB, so an honest
 * 1 MB upload on a poor link still fits. Time between requests on a kept-alive connection is left to the idle
 * timeout, and so is time while Vert.x has stopped reading (it does when requests queue up behind one still being
 * answered): a slow server must not be blamed on its client.
 *
 * <p>Two handlers share one clock: one before the HTTP decoder sees a request's first bytes arrive; one after it
 * sees where its head and its body end. On the deadline the connection is simply closed: there may be an answer
 * still being written on it, and a browser retries a closed connection.
 */
final class ReadDeadlines {
  private static final long BODY_BYTES_PER_SECOND = 1024;

  private final long limitNanos;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> timer;
  /** System.nanoTime() by which the current request (head, or body) must have arrived; 0 while none is arriving. */
  private long deadline;
  private boolean inBody;

  ReadDeadlines(Duration limit) {
    this.limitNanos = limit.toNanos();
  }

  /** Goes before the decoder: the raw bytes of a request. */
  ChannelHandler bytes() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext context, Object msg) {
        ctx = context;
        if (msg instanceof ByteBuf bytes) arrived(bytes.readableBytes());
        context.fireChannelRead(msg);
      }

      @Override
      public void handlerRemoved(ChannelHandlerContext context) {
        if (timer != null) timer.cancel(false);
      }
    };
  }

  /** Goes after the decoder: where a request's head and body end. */
  ChannelHandler messages() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext context, Object msg) {
        if (msg instanceof HttpRequest) {
          inBody = true;
          deadline = System.nanoTime() + limitNanos;
        }
        if (msg instanceof LastHttpContent) {
          inBody = false;
          deadline = 0;
        }
        context.fireChannelRead(msg);
      }
    };
  }

  private void arrived(int bytes) {
    if (deadline == 0) {
      deadline = System.nanoTime() + limitNanos;
      if (timer == null) schedule(limitNanos);
    } else if (inBody) {
      deadline += bytes * TimeUnit.SECONDS.toNanos(1) / BODY_BYTES_PER_SECOND;
    }
  }

  private void schedule(long delayNanos) {
    timer = ctx.executor().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void check() {
    timer = null;
    if (deadline == 0 || !ctx.channel().isActive()) return;
    long left = deadline - System.nanoTime();
    if (!ctx.channel().config().isAutoRead()) {
      // Vert.x is not reading: the client cannot be late meanwhile.
      deadline = System.nanoTime() + Math.max(left, limitNanos);
      schedule(limitNanos);
    } else if (left > 0) {
      schedule(left);
    } else {
      ctx.channel().close();
    }
  }
}
