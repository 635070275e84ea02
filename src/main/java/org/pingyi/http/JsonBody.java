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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Every API request body, decoded once and strictly before any route sees it: JSON only (else 415), one
 * object, valid UTF-8, no duplicate keys, no deep nesting, no number that overflows, and no text PostgreSQL
 * cannot store (NUL, a lone surrogate). A route then reads fields from a value that cannot surprise it.
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

  /** The decoded body object; 400 when the request had none. */
  public static JsonObject of(RoutingContext ctx) {
    JsonObject body = ctx.get(KEY);
    if (body == null) throw AppError.of(ErrorCode.INVALID_JSON, "请求体不能为空");
    return body;
  }

  static JsonObject parse(Buffer body) {
    // A strict decoder: Jackson's own would guess UTF-16 from the bytes and let overlong forms through.
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try (JsonParser parser = FACTORY.createParser(new InputStreamReader(new ByteArrayInputStream(body.getBytes()), utf8))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw AppError.of(ErrorCode.INVALID_JSON, "请求体必须是 JSON 对象");
      }
      JsonObject object = (JsonObject) value(parser, JsonToken.START_OBJECT, "");
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

  private static Object value(JsonParser parser, JsonToken token, String path) throws IOException {
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

  private static JsonObject object(JsonParser parser, String path) throws IOException {
    JsonObject object = new JsonObject();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      String at = path.isEmpty() ? name : path + "." + name;
      object.put(storable(name, at), value(parser, parser.nextToken(), at));
    }
    return object;
  }

  private static JsonArray array(JsonParser parser, String path) throws IOException {
    JsonArray array = new JsonArray();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      array.add(value(parser, token, path + "[" + array.size() + "]"));
    }
    return array;
  }

  /** PostgreSQL refuses NUL in text and jsonb, and a lone surrogate has no UTF-8 form: refused, not mangled. */
  private static String storable(String text, String path) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (c == 0 || Character.isSurrogate(c)) {
        throw AppError.invalidField(path.isEmpty() ? "body" : path, "含有无法保存的控制字符（NUL）或不成对的代理项");
      }
    }
    return text;
  }

  private static Double finite(double value, String path) {
    if (!Double.isFinite(value)) throw AppError.invalidField(path, "数字超出范围");
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
