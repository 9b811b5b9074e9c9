package ssi.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A test's HTTP requests to the web view (java.base's client: the module reads nothing more for its tests). */
final class Http {
    record Reply(int status, String body, Map<String, java.util.List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> name.equalsIgnoreCase(e.getKey())).map(e -> e.getValue().getFirst())
                    .findFirst().orElse(null);
        }
    }

    private Http() {}

    static Reply get(String url, Map<String, String> headers) throws IOException {
        return send("GET", url, headers, null);
    }

    static Reply send(String method, String url, Map<String, String> headers, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod(method);
        headers.forEach(c::setRequestProperty);
        if (body != null) {
            c.setDoOutput(true);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8), c.getHeaderFields());
        } finally {
            c.disconnect();
        }
    }
}
