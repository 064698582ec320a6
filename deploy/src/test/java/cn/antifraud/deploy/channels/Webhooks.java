package cn.antifraud.deploy.channels;

import cn.antifraud.deploy.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and sends webhooks the way Twilio and WeChat do, computed here independently of the production
 * code: Twilio's HMAC-SHA1 over URL + sorted form parameters, WeChat's SHA-1 over the sorted strings.
 */
final class Webhooks {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Webhooks() {
    }

    /** Twilio's algorithm: base64(HMAC-SHA1(authToken, url + key1 + value1 + key2 + value2 ... sorted by key)). */
    static String twilioSignature(String authToken, String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** POSTs a form to the server with the given X-Twilio-Signature (null: no header). */
    static HttpResponse<String> postForm(TestServer server, String path, Map<String, String> params, String signature)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create(server.url(path))).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (signature != null) {
            b.header("X-Twilio-Signature", signature);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** POSTs an already encoded form body as it is (repeated keys and all). */
    static HttpResponse<String> postRawForm(TestServer server, String path, String body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create(server.url(path))).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("X-Twilio-Signature", signature);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** WeChat's algorithm: hex(SHA-1(concatenation of the sorted strings)). */
    static String wechatSignature(String... parts) throws Exception {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted)
            .getBytes(StandardCharsets.UTF_8)));
    }

    static HttpResponse<String> postXml(TestServer server, String pathAndQuery, String xml) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(java.net.URI.create(server.url(pathAndQuery))).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
