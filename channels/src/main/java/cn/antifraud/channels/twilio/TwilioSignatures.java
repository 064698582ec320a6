package cn.antifraud.channels.twilio;

import cn.antifraud.channels.http.ApiError;
import cn.antifraud.channels.http.PublicUrl;
import com.twilio.security.RequestValidator;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * With TWILIO_AUTH_TOKEN set, every Twilio webhook must carry a valid {@code X-Twilio-Signature}: HMAC-SHA1
 * over the public URL (PUBLIC_BASE_URL + path and query) followed by the sorted form parameters, checked
 * with the SDK's own {@link RequestValidator}. Otherwise 403 with the contract's error body.
 */
public final class TwilioSignatures {
    private final RequestValidator validator;
    private final PublicUrl publicUrl;

    public TwilioSignatures(TwilioConfig config, PublicUrl publicUrl) {
        this.validator = config.verifiesSignatures() ? new RequestValidator(config.authToken()) : null;
        this.publicUrl = publicUrl;
    }

    /** Throws a 403 {@link ApiError} unless the request is signed (or no token is configured). */
    public void check(RoutingContext ctx) {
        if (validator == null) {
            return;
        }
        String signature = ctx.request().getHeader("X-Twilio-Signature");
        Map<String, String> params = new HashMap<>();
        ctx.request().formAttributes().forEach(e -> params.put(e.getKey(), e.getValue()));
        if (signature == null || !validator.validate(publicUrl.of(ctx.request().uri()), params, signature)) {
            throw new ApiError(403, "invalid_signature", "请求签名无效（X-Twilio-Signature）");
        }
    }
}
