package org.pingyi.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import java.util.List;

/**
 * Vert.x's HTTP/1 request decoder, stricter where leniency becomes a 5xx or a smuggling risk. Each refusal is an
 * {@link AppError} carried as the decoder's failure: a bad head reaches {@link InvalidRequests}, a bad body the
 * route's {@link FailureHandler}, so both answer with the one JSON error body.
 */
final class StrictRequestDecoder extends VertxHttpRequestDecoder {
  static final AppError UNSUPPORTED_VERSION =
      AppError.of(ErrorCode.UNSUPPORTED_HTTP_VERSION);
  static final AppError AMBIGUOUS_LENGTH =
      AppError.of(ErrorCode.AMBIGUOUS_LENGTH);
  static final AppError MALFORMED_BODY = AppError.of(ErrorCode.MALFORMED_BODY);

  StrictRequestDecoder(HttpServerOptions options) {
    super(options);
  }

  /**
   * Netty takes any HTTP/x.y, and lower case too, where Vert.x only serves its own HTTP/1.0 and HTTP/1.1 constants
   * and answers the rest with a bare 501 (no JSON, no security headers); HTTP/2 has its own connection preface.
   * Refused here, the request is answered as every other malformed one. The name is case-sensitive (RFC 9112).
   */
  @Override
  protected HttpMessage createMessage(String[] initialLine) {
    HttpMessage message = super.createMessage(initialLine);
    HttpVersion version = message.protocolVersion();
    if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) throw UNSUPPORTED_VERSION;
    return message;
  }

  /**
   * Content-Length and chunked together: Netty drops the length and reads chunks, but a proxy in front may have
   * framed the body by the length, and the bytes left over would be read here as a second, smuggled request.
   * RFC 9112 (6.1) lets a server refuse such a message, and asks it to close the connection after: thrown here,
   * Netty discards the rest of the connection's input and {@link InvalidRequests} answers 400 and closes. This is
   * Netty's documented hook for the case, which Vert.x cannot configure.
   */
  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    throw AMBIGUOUS_LENGTH;
  }

  /**
   * A chunk size that is not hex, or that overflows, fails the body with Netty's NumberFormatException, which the
   * failure handler could not tell from a bug of ours (500 and a stack trace): it becomes a 400 here.
   */
  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
    int before = out.size();
    super.decode(ctx, buffer, out);
    for (int i = before; i < out.size(); i++) {
      // A head refused whole comes as a full request (a message and content at once): InvalidRequests reads its cause.
      if (out.get(i) instanceof HttpContent chunk && !(chunk instanceof HttpMessage) && chunk.decoderResult().isFailure()
          && !(chunk.decoderResult().cause() instanceof AppError)) {
        chunk.setDecoderResult(DecoderResult.failure(MALFORMED_BODY));
      }
    }
  }
}
