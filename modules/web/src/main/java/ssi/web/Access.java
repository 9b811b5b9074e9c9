package ssi.web;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Who may use the web view. On loopback the page is open to this host, but a request naming another
 * host (a DNS-rebinding page) is refused; off loopback every request carries the access token (in
 * the URL once, then a cookie). Every control is a POST carrying the session token in a header: a
 * page of another site can neither read that token nor send that header, so it cannot migrate or kill.
 */
final class Access {
    static final String SESSION_HEADER = "X-SSI-Session";
    static final String COOKIE = "ssi-token";
    private final String token; // null on loopback
    private final String session = random();
    private final List<String> hosts; // the Host headers a loopback page may send

    Access(WebOptions options, int port) {
        this.token = options.token();
        this.hosts = List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    }

    /** The token the page sends with each control. */
    String session() {
        return session;
    }

    /** Why the request may not be served, or empty if it may: the access token, or (on loopback) the host it names. */
    Optional<String> refusal(HttpExchange x) {
        if (token == null) {
            String host = x.getRequestHeaders().getFirst("Host");
            return host != null && hosts.contains(host.toLowerCase(java.util.Locale.ROOT)) ? Optional.empty()
                    : Optional.of("this web view answers only to 127.0.0.1 or localhost, not to host '" + host + "'");
        }
        return presented(x).filter(this::isToken).isPresent() ? Optional.empty()
                : Optional.of("this web view needs its access token: open the URL ssi printed (it ends with ?token=...)");
    }

    /** True if the request came with the access token in its URL: the page then keeps it in a cookie. */
    boolean tokenInQuery(HttpExchange x) {
        return token != null && query(x, "token").filter(this::isToken).isPresent();
    }

    /** The cookie that carries the access token after the first page. */
    String cookie() {
        return COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /** Why a control request is refused, or empty: it must carry the session token. */
    Optional<String> controlRefusal(HttpExchange x) {
        String sent = x.getRequestHeaders().getFirst(SESSION_HEADER);
        return sent != null && same(sent, session) ? Optional.empty()
                : Optional.of("a control needs the page's session token in the " + SESSION_HEADER + " header: reload the page");
    }

    private boolean isToken(String s) {
        return same(s, token);
    }

    private Optional<String> presented(HttpExchange x) {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return Optional.of(auth.substring(7).strip());
        }
        Optional<String> inQuery = query(x, "token");
        if (inQuery.isPresent()) {
            return inQuery;
        }
        for (String header : x.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String c : header.split(";")) {
                String[] kv = c.strip().split("=", 2);
                if (kv.length == 2 && kv[0].equals(COOKIE)) {
                    return Optional.of(kv[1]);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> query(HttpExchange x, String name) {
        String q = x.getRequestURI().getRawQuery();
        if (q == null) {
            return Optional.empty();
        }
        for (String part : q.split("&")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals(name)) {
                return Optional.of(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** Equal, in time that does not tell how much of a guess was right. */
    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
