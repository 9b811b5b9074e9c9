package ssi.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the web view listens, and the access token a non-loopback address needs.
 *
 * @param bind the address to bind (a loopback one by default)
 * @param port the port; 0 picks a free one
 * @param token null on loopback; required elsewhere, and then every request must carry it
 */
public record WebOptions(String bind, int port, String token) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public WebOptions {
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("--bind wants an address, such as 127.0.0.1");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port wants 0 to 65535, got " + port);
        }
        if (token != null && !token.matches("[A-Za-z0-9._~-]{12,256}")) {
            throw new IllegalArgumentException("--token wants 12 or more letters, digits or ._~- (it is typed into a URL), got '" + token + "'");
        }
        if (token == null && !address(bind).isLoopbackAddress()) {
            throw new IllegalArgumentException("--bind " + bind + " is not a loopback address: anyone who reaches it could migrate and kill,"
                    + " so it needs --token T (12 or more characters), and every request must then carry it");
        }
    }

    /** The address {@code bind} names; refused in plain words when it names none. */
    static InetAddress address(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind: no such address '" + bind + "'");
        }
    }
}
