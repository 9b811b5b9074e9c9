package ssi.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import ssi.kernel.Kernel;

/**
 * A live web view of a running kernel: {@code GET /} the page, {@code /assets/...} its scripts
 * (uPlot among them, from the jar: it works offline), {@code GET /api/state} the state as JSON,
 * {@code GET /api/events} the same as Server-Sent Events, and {@code POST /api/CONTROL} the
 * controls ({@link Controls}). Each request runs on a virtual thread of its own.
 */
public final class WebView implements AutoCloseable {
    /** The largest request body a control reads. */
    static final int MAX_BODY = 64 * 1024;
    /** Snapshots a page gets at most per wall second: 1000 / this. */
    static final long SNAPSHOT_MILLIS = 250;
    private static final Map<String, String> ASSETS = Map.of(
            "app.js", "text/javascript", "app.css", "text/css",
            "uplot/uPlot.iife.min.js", "text/javascript", "uplot/uPlot.min.css", "text/css", "uplot/LICENSE", "text/plain");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Snapshots snapshots;
    private final Controls controls;
    private final Access access;
    private final WebOptions options;
    private final ObjectMapper json = new ObjectMapper();

    private WebView(Kernel kernel, WebOptions options, int shellNode) throws IOException {
        this.options = options;
        this.server = HttpServer.create(new InetSocketAddress(WebOptions.address(options.bind()), options.port()), 50);
        this.access = new Access(options, server.getAddress().getPort());
        this.controls = new Controls(kernel, shellNode);
        this.snapshots = new Snapshots(kernel, shellNode, SNAPSHOT_MILLIS);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /**
     * Serves a page for {@code kernel} as {@code options} say; its controls start programs at
     * {@code shellNode}, as the shell's mosrun does. Refused (IOException) if the port is taken.
     */
    public static WebView start(Kernel kernel, WebOptions options, int shellNode) throws IOException {
        try {
            return new WebView(kernel, options, shellNode);
        } catch (java.net.BindException e) {
            throw new IOException("cannot listen on " + options.bind() + ":" + options.port() + " (" + e.getMessage()
                    + "): choose another with --port P");
        }
    }

    /** The page's address (with its access token, if it needs one). */
    public String url() {
        String host = server.getAddress().getAddress().getHostAddress();
        host = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + host + ":" + port() + "/" + (options.token() == null ? "" : "?token=" + options.token());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops serving: pages lose their stream; the kernel goes on. */
    @Override
    public void close() {
        snapshots.close();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange x) {
        try (x) {
            try {
                route(x);
            } catch (RuntimeException e) { // a bug of ssi's: the page is told so, the shell's terminal is left alone
                error(x, 500, "internal error (a bug of ssi's: the web view failed inside it)");
            }
        } catch (IOException e) {
            // the page went away mid-answer (or the answer had begun when a bug struck): nothing to tell it
        }
    }

    private void route(HttpExchange x) throws IOException {
        Optional<String> refused = access.refusal(x);
        if (refused.isPresent()) {
            error(x, 403, refused.get());
            return;
        }
        String path = x.getRequestURI().getPath();
        String method = x.getRequestMethod();
        if (path.startsWith("/api/") && !path.equals("/api/state") && !path.equals("/api/events")) {
            if (!method.equals("POST")) {
                x.getResponseHeaders().set("Allow", "POST");
                error(x, 405, path + ": a control is a POST");
                return;
            }
            control(x, path.substring("/api/".length()));
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            x.getResponseHeaders().set("Allow", "GET");
            error(x, 405, path + ": only GET here");
            return;
        }
        switch (path) {
            case "/" -> page(x);
            case "/api/state" -> send(x, 200, "application/json", snapshots.now().getBytes(StandardCharsets.UTF_8));
            case "/api/events" -> events(x);
            default -> asset(x, path);
        }
    }

    /** The page, with this session's control token in it (only a page of this origin can read it) and the state now. */
    private void page(HttpExchange x) throws IOException {
        if (access.tokenInQuery(x)) {
            x.getResponseHeaders().add("Set-Cookie", access.cookie());
        }
        // The page comes with what it shows first, so it renders without waiting for its stream; a '<' in
        // the JSON (only ever inside a string) is escaped, so no program's name can end the script element.
        String first = "{\"hello\":" + snapshots.hello() + ",\"state\":" + snapshots.now() + "}";
        String html = resource("index.html").replace("{{session}}", access.session()).replace("{{first}}", first.replace("<", "\\u003c"));
        send(x, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private void asset(HttpExchange x, String path) throws IOException {
        String name = path.startsWith("/assets/") ? path.substring("/assets/".length()) : "";
        String type = ASSETS.get(name);
        if (type == null) {
            error(x, 404, "no such page: " + path);
            return;
        }
        x.getResponseHeaders().set("Cache-Control", "no-cache");
        send(x, 200, type + (type.startsWith("text/") ? "; charset=utf-8" : ""), resource(name).getBytes(StandardCharsets.UTF_8));
    }

    /** The state as Server-Sent Events: once what the page needs, then each snapshot as it is published. */
    private void events(HttpExchange x) throws IOException {
        x.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        x.getResponseHeaders().set("Cache-Control", "no-store");
        x.sendResponseHeaders(200, 0);
        OutputStream out = x.getResponseBody();
        long seen = snapshots.latestSeq(); // what was published before the state now is older than it
        event(out, "hello", snapshots.hello());
        event(out, "state", snapshots.now());
        try {
            while (!snapshots.closed()) {
                Snapshots.Published p = snapshots.await(seen, 15_000);
                if (p == null) {
                    out.write(": still here\n\n".getBytes(StandardCharsets.UTF_8)); // finds a page that went away
                    out.flush();
                    continue;
                }
                event(out, "state", p.json());
                seen = p.seq();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the view is closing
        }
    }

    private static void event(OutputStream out, String name, String data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void control(HttpExchange x, String name) throws IOException {
        Optional<String> refused = access.controlRefusal(x);
        if (refused.isPresent()) {
            error(x, 403, refused.get());
            return;
        }
        String type = x.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            error(x, 415, name + ": a control's body is JSON (Content-Type: application/json)");
            return;
        }
        String length = x.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_BODY) {
            error(x, 413, name + ": the body is " + length + " bytes; a control's is at most " + MAX_BODY);
            return;
        }
        byte[] body;
        try (InputStream in = x.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            error(x, 413, name + ": the body is over " + MAX_BODY + " bytes; a control's is at most that");
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JsonProcessingException e) {
            error(x, 400, name + ": the body is not JSON (" + e.getOriginalMessage() + ")");
            return;
        }
        if (request == null || request.isMissingNode()) {
            error(x, 400, name + ": the body is empty; want a JSON object");
            return;
        }
        try {
            send(x, 200, "application/json", json.writeValueAsBytes(controls.apply(name, request)));
        } catch (Controls.Refused r) {
            error(x, r.status, r.getMessage());
        }
    }

    private void error(HttpExchange x, int status, String message) throws IOException {
        send(x, status, "application/json", json.writeValueAsBytes(JsonNodeFactory.instance.objectNode().put("error", message)));
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        x.getResponseHeaders().set("X-Frame-Options", "DENY");
        // Only this server's scripts run, and nothing is fetched elsewhere: a program's name cannot become code.
        x.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " frame-ancestors 'none'; form-action 'none'; base-uri 'none'");
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head) {
            x.getResponseBody().write(body);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WebView.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IOException("the web view's " + name + " is missing from its jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
