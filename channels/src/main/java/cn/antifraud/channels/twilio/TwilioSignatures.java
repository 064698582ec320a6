package cn.antifraud.channels.twilio;

import cn.antifraud.channels.http.ApiError;
import cn.antifraud.channels.http.PublicUrl;
import com.twilio.security.RequestValidator;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * With TWILIO_AUTH_TOKEN set, every Twilio webhook must carry a valid {@code X-Twilio-Signature}: HMAC-SHA1
 * over the public URL (PUBLIC_BASE_URL + path and query) followed by the sorted form parameters, checked
 * with the SDK's own {@link RequestValidator}. Otherwise 403 with the contract's error body.
 *
 * <p>Twilio sends every parameter of its SMS and voice webhooks once. A repeated key is refused outright
 * (signed or not): the signature would cover one of the values while the handlers read another, so a
 * captured request prefixed with {@code From=<victim>&Body=STOP&} could pass as genuine. The validator is
 * given exactly the values the handlers read ({@link MultiMap#get}, the first).
 */
public final class TwilioSignatures {
    private final RequestValidator validator;
    private final PublicUrl publicUrl;

    public TwilioSignatures(TwilioConfig config, PublicUrl publicUrl) {
        this.validator = config.verifiesSignatures() ? new RequestValidator(config.authToken()) : null;
        this.publicUrl = publicUrl;
    }

    /** Throws a 403 {@link ApiError} on a repeated parameter, or unless the request is signed (when a token is configured). */
    public void check(RoutingContext ctx) {
        MultiMap form = ctx.request().formAttributes();
        Map<String, String> params = new HashMap<>();
        for (String name : form.names()) {
            if (form.getAll(name).size() > 1) {
                throw new ApiError(403, "repeated_parameter", "请求参数 " + name + " 重复出现，已拒绝");
            }
            params.put(name, form.get(name));
        }
        if (validator == null) {
            return;
        }
        String signature = ctx.request().getHeader("X-Twilio-Signature");
        if (signature == null || !validator.validate(publicUrl.of(ctx.request().uri()), params, signature)) {
            throw new ApiError(403, "invalid_signature", "请求签名无效（X-Twilio-Signature）");
        }
    }
}
