package org.pingyi.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Every API request body, decoded once and strictly before any route sees it: JSON only (else 415), one
 * object, valid UTF-8, no duplicate keys, no deep nesting, no number that overflows, and no text PostgreSQL
 * cannot store (NUL, a lone surrogate). A route then reads fields from a value that cannot surprise it. The one
 * exception is casting (org.pingyi.vote), which has routes of its own ahead of this handling and decodes its body
 * later with {@link #decode}, under the same rules.
 */
public final class JsonBody {
  private static final String KEY = "pingyi.jsonBody";
  /** Far deeper than any form definition or ballot (under ten levels), far below a stack overflow. */
  private static final int MAX_DEPTH = 64;
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();

  private JsonBody() {
  }

  /** Before the body is read: a body that is not declared JSON is refused unread (415). */
  public static Handler<RoutingContext> declaredJson() {
    return ctx -> {
      if (hasBody(ctx) && !isJson(ctx.request().getHeader("Content-Type"))) {
        throw AppError.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
      }
      ctx.next();
    };
  }

  /** After the body handler: decodes a non-empty body, or refuses it with a 400 saying why. */
  public static Handler<RoutingContext> decoded() {
    return ctx -> {
      Buffer body = ctx.body().buffer();
      if (body != null && body.length() > 0) ctx.put(KEY, parse(body));
      ctx.next();
    };
  }

  /** A body a route reads itself (a ballot's, once its slip is known), decoded with the same checks and refusals. */
  public static JsonObject decode(Buffer body) {
    if (body == null || body.length() == 0) throw AppError.of(ErrorCode.INVALID_JSON, "请求体不能为空");
    return parse(body);
  }

  /** The decoded body object; 400 when the request had none. */
  public static JsonObject of(RoutingContext ctx) {
    JsonObject body = ctx.get(KEY);
    if (body == null) throw AppError.of(ErrorCode.INVALID_JSON, "请求体不能为空");
    return body;
  }

  static JsonObject parse(Buffer body) {
    // A strict decoder: Jackson's own would guess UTF-16 from the bytes and let overlong forms through. The whole
    // body is decoded at once into this thread's character buffer (a body is parsed to the end before the next one),
    // rather than through a Reader, which cost every request a buffer of 8 KB.
    CharBuffer chars = utf8(body);
    try (JsonParser parser = FACTORY.createParser(chars.array(), 0, chars.limit())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw AppError.of(ErrorCode.INVALID_JSON, "请求体必须是 JSON 对象");
      }
      JsonObject object = new JsonObject(object(parser, new Path()));
      if (parser.nextToken() != null) throw AppError.of(ErrorCode.INVALID_JSON, "JSON 对象之后还有多余的内容");
      return object;
    } catch (StreamConstraintsException e) {
      throw AppError.of(ErrorCode.INVALID_JSON, "请求体嵌套层数或长度超出限制");
    } catch (JsonProcessingException e) {
      String message = String.valueOf(e.getOriginalMessage());
      if (message.startsWith("Duplicate field")) throw AppError.of(ErrorCode.INVALID_JSON, "请求体中有重复的字段");
      throw AppError.of(ErrorCode.INVALID_JSON, "请求体不是有效的 JSON（须为 UTF-8 编码）");
    } catch (IOException e) {
      throw AppError.of(ErrorCode.INVALID_JSON, "请求体不是有效的 JSON（须为 UTF-8 编码）");
    }
  }

  /** Bodies up to this many characters reuse their thread's buffer; larger ones (up to the 1 MB limit) get their own. */
  private static final int KEPT_CHARS = 16 * 1024;
  private static final ThreadLocal<CharsetDecoder> UTF_8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
  private static final ThreadLocal<CharBuffer> CHARS = ThreadLocal.withInitial(() -> CharBuffer.allocate(KEPT_CHARS));

  /** The body as characters (from position 0 to the limit), or a 400 when it is not valid UTF-8. */
  private static CharBuffer utf8(Buffer body) {
    ByteBuffer bytes = ByteBuffer.wrap(body.getBytes());
    CharBuffer chars = bytes.remaining() <= KEPT_CHARS ? CHARS.get().clear() : CharBuffer.allocate(bytes.remaining());
    CharsetDecoder decoder = UTF_8.get().reset();
    // UTF-8 never takes more characters than bytes, so the buffer cannot overflow.
    if (decoder.decode(bytes, chars, true).isError() || decoder.flush(chars).isError()) {
      throw AppError.of(ErrorCode.INVALID_JSON, "请求体不是有效的 JSON（须为 UTF-8 编码）");
    }
    return chars.flip();
  }

  /**
   * Where the parser is, as the field names and array indexes leading there: written out ("a.b[2].c") only for a
   * refusal, not for every value of every body.
   */
  private static final class Path {
    private Object[] steps = new Object[8];
    private int depth;

    void push(Object step) {
      if (depth == steps.length) steps = Arrays.copyOf(steps, steps.length * 2);
      steps[depth++] = step;
    }

    void pop() {
      depth--;
    }

    void set(Object step) {
      steps[depth - 1] = step;
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < depth; i++) {
        if (steps[i] instanceof Integer index) out.append('[').append(index).append(']');
        else out.append(out.length() == 0 ? "" : ".").append(steps[i]);
      }
      return out.toString();
    }
  }

  private static Object value(JsonParser parser, JsonToken token, Path path) throws IOException {
    return switch (token) {
      case START_OBJECT -> object(parser, path);
      case START_ARRAY -> array(parser, path);
      case VALUE_STRING -> storable(parser.getText(), path);
      case VALUE_NUMBER_INT -> parser.getNumberValue();
      case VALUE_NUMBER_FLOAT -> finite(parser.getDoubleValue(), path);
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw AppError.of(ErrorCode.INVALID_JSON);
    };
  }

  /**
   * An object as a plain map, its objects and arrays plain maps and lists too: JsonObject's and JsonArray's getters
   * wrap them on the way out, so routes see no difference, and a ballot's answers reach the rules without a copy
   * ({@code org.pingyi.ballot.PlainJson}).
   */
  private static Map<String, Object> object(JsonParser parser, Path path) throws IOException {
    Map<String, Object> object = new LinkedHashMap<>();
    String name;
    path.push(null);
    while ((name = parser.nextFieldName()) != null) {
      path.set(name);
      object.put(storable(name, path), value(parser, parser.nextToken(), path));
    }
    path.pop();
    return object;
  }

  private static List<Object> array(JsonParser parser, Path path) throws IOException {
    List<Object> array = new ArrayList<>();
    JsonToken token;
    path.push(null);
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      path.set(array.size());
      array.add(value(parser, token, path));
    }
    path.pop();
    return array;
  }

  /** PostgreSQL refuses NUL in text and jsonb, and a lone surrogate has no UTF-8 form: refused, not mangled. */
  private static String storable(String text, Path path) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (c == 0 || Character.isSurrogate(c)) {
        String at = path.toString();
        throw AppError.invalidField(at.isEmpty() ? "body" : at, "含有无法保存的控制字符（NUL）或不成对的代理项");
      }
    }
    return text;
  }

  private static Double finite(double value, Path path) {
    if (!Double.isFinite(value)) throw AppError.invalidField(path.toString(), "数字超出范围");
    return value;
  }

  private static boolean hasBody(RoutingContext ctx) {
    String length = ctx.request().getHeader("Content-Length");
    if (length != null) return !length.trim().equals("0");
    return ctx.request().getHeader("Transfer-Encoding") != null;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) return false;
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    if (!parts[0].trim().equals("application/json")) return false;
    for (int i = 1; i < parts.length; i++) {
      String[] param = parts[i].trim().split("=", 2);
      if (param[0].equals("charset") && param.length == 2 && !param[1].replace("\"", "").equals("utf-8")) return false;
    }
    return true;
  }
}
