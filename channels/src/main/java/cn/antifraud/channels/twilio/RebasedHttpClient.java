package cn.antifraud.channels.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.MalformedURLException;
import java.net.URL;

/**
 * The Twilio SDK builds every URL from a product domain ("https://api.twilio.com/2010-04-01/...", with
 * optional region and edge); it has no base-URL setting. This HTTP client sits under the SDK's
 * {@code TwilioRestClient} and sends each request to the same path under TWILIO_API_BASE_URL instead,
 * keeping method, parameters, headers and authentication; everything above it (resource classes, JSON
 * mapping, errors, retries) is the SDK's own.
 */
final class RebasedHttpClient extends HttpClient {
    private final String baseUrl;
    private final HttpClient delegate;

    RebasedHttpClient(String baseUrl) {
        this(baseUrl, new NetworkHttpClient());
    }

    RebasedHttpClient(String baseUrl, HttpClient delegate) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.delegate = delegate;
    }

    @Override
    public Response makeRequest(Request request) {
        return delegate.makeRequest(rebase(request));
    }

    Request rebase(Request original) {
        String path;
        try {
            path = new URL(original.getUrl()).getPath();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Twilio request without a valid URL", e);
        }
        Request copy = new Request(original.getMethod(), baseUrl + path);
        original.getQueryParams().forEach((k, values) -> values.forEach(v -> copy.addQueryParam(k, v)));
        original.getPostParams().forEach((k, values) -> values.forEach(v -> copy.addPostParam(k, v)));
        original.getHeaderParams().forEach((k, values) -> values.forEach(v -> copy.addHeaderParam(k, v)));
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        copy.setContentType(original.getContentType());
        copy.setBody(original.getBody());
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        return copy;
    }
}
