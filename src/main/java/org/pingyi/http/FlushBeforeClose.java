package org.pingyi.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Flushes what was written before a connection closes. When a request body cannot be decoded (a chunk size that
 * is not a number), Vert.x fails the request, whose failure handler writes the 400 at once, and then closes the
 * connection itself, before the end of the read that would have flushed that answer: Netty would drop it.
 */
final class FlushBeforeClose extends ChannelOutboundHandlerAdapter {
  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    ctx.flush();
    ctx.close(promise);
  }
}
