package cn.antifraud.channels.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict request parsing shared by the JSON APIs: UTF-8, a JSON object, typed fields. */
public final class Requests {
    public static final int MAX_TEXT = 2000;

    private Requests() {
    }

    /** The body as a JSON object, or an {@link ApiError} naming what is wrong. */
    public static JsonObject jsonObject(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiError.badRequest("empty_body", "请求内容为空，需要一个 JSON 对象");
        }
        String text = utf8(body);
        Object parsed;
        try {
            parsed = io.vertx.core.json.Json.decodeValue(text);
        } catch (DecodeException e) {
            throw ApiError.badRequest("malformed_json", "请求内容不是有效的 JSON");
        }
        if (!(parsed instanceof JsonObject json)) {
            throw ApiError.badRequest("malformed_json", "请求内容必须是一个 JSON 对象");
        }
        return json;
    }

    public static String utf8(Buffer body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body.getBytes())).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest("invalid_encoding", "请求内容必须是 UTF-8 编码");
        }
    }

    /** A required string field holding the resident's text: not blank, at most 2,000 characters. */
    public static String text(JsonObject json, String field) {
        Object v = json.getValue(field);
        if (v == null) {
            throw ApiError.badRequest("missing_field", "缺少字段 " + field);
        }
        if (!(v instanceof String s)) {
            throw ApiError.badRequest("invalid_field", "字段 " + field + " 必须是字符串");
        }
        if (s.isBlank()) {
            throw ApiError.badRequest("empty_text", "内容不能为空，请把可疑的信息粘贴进来");
        }
        if (s.codePointCount(0, s.length()) > MAX_TEXT) {
            throw ApiError.badRequest("text_too_long", "内容太长了，请不要超过 " + MAX_TEXT + " 个字");
        }
        return s;
    }

    /** An optional string field; null when absent. */
    public static String optionalString(JsonObject json, String field) {
        Object v = json.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw ApiError.badRequest("invalid_field", "字段 " + field + " 必须是字符串");
        }
        return s;
    }
}
