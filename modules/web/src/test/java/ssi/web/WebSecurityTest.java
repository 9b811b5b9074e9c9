package ssi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ssi.api.MigrationReason;
import ssi.kernel.Kernel;

/**
 * The web view's guard and its refusals, over plain HTTP: a control without the page's session
 * token, a request from another host's page, a non-loopback bind without an access token, and
 * malformed requests are refused with a 4xx naming what was wrong, and change nothing.
 */
class WebSecurityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Integer> PIDS = Clusters.pids();
    private static Kernel kernel;
    private static WebView web;
    private static String session;

    @BeforeAll
    static void serve() throws Exception {
        kernel = Clusters.paper5(3, PIDS);
        web = WebView.start(kernel, new WebOptions(WebOptions.LOOPBACK, 0, null), 1);
        session = sessionOf(get(web.url(), null).body());
    }

    @AfterAll
    static void stop() {
        web.close();
        kernel.close();
    }

    @Test
    void aControlWithoutTheSessionTokenIsRefusedAndChangesNothing() throws Exception {
        String before = Clusters.world(kernel);
        Http.Reply none = post(web, "kill", "{\"pid\": " + PIDS.get(2) + "}", null, null);
        Http.Reply wrong = post(web, "migrate", "{\"pid\": " + PIDS.get(2) + ", \"to\": \"3\"}", "not-the-session", null);
        assertEquals(403, none.status());
        assertEquals(403, wrong.status());
        assertTrue(error(none).contains("X-SSI-Session"), none.body());
        assertEquals(before, Clusters.world(kernel));
        kernel.advance(1_000_000_000L); // and nothing was left to happen later
        assertEquals(1, kernel.process(PIDS.get(2)).orElseThrow().where(), "neither killed nor moved");
        assertTrue(kernel.migrations().stream().noneMatch(m -> m.pid() == PIDS.get(2)));
    }

    @Test
    void aControlWithTheSessionTokenGoesThroughTheKernel() throws Exception {
        int pid = PIDS.get(0);
        Http.Reply r = post(web, "migrate", "{\"pid\": " + pid + ", \"to\": \"4\"}", session, null);
        assertEquals(200, r.status(), r.body());
        assertEquals(200, post(web, "advance", "{\"duration\": \"1s\"}", session, null).status());
        assertEquals(4, kernel.process(pid).orElseThrow().where());
        assertEquals(MigrationReason.MANUAL, kernel.migrations().stream().filter(m -> m.pid() == pid).findFirst().orElseThrow().reason());
        Http.Reply again = post(web, "migrate", "{\"pid\": " + pid + ", \"to\": \"4\"}", session, null);
        assertEquals(400, again.status(), "the kernel's refusal, as the shell prints it");
        assertTrue(error(again).startsWith("migrate: "), again.body());
    }

    @Test
    void malformedRequestsGetAClearRefusalAndChangeNothing() throws Exception {
        int pid = PIDS.get(1);
        record Bad(String control, String body, int status, String says) {}
        List<Bad> bad = List.of(
                new Bad("migrate", "{\"pid\": \"seven\", \"to\": \"2\"}", 400, "pid must be a process id"),
                new Bad("migrate", "{\"pid\": -3, \"to\": \"2\"}", 400, "pid must be a process id"),
                new Bad("migrate", "{\"pid\": 99999, \"to\": \"2\"}", 400, "99999"),
                new Bad("migrate", "{\"pid\": " + pid + ", \"to\": \"atlantis\"}", 400, "no node 'atlantis'"),
                new Bad("migrate", "{\"pid\": " + pid + ", \"to\": \"2\", \"force\": true}", 400, "no field 'force'"),
                new Bad("kill", "{\"pid\": " + pid + ", \"signal\": \"SIGNOPE\"}", 400, "no signal 'SIGNOPE'"),
                new Bad("kill", "{\"pid\": " + pid + ",", 400, "not JSON"),
                new Bad("kill", "[" + pid + "]", 400, "must be a JSON object"),
                new Bad("kill", "", 400, "empty"),
                new Bad("kill", "{\"pid\": " + pid + ", \"pad\": \"" + "x".repeat(70_000) + "\"}", 413, "at most 65536"),
                new Bad("spawn", "{\"program\": \"nosuch.js\"}", 400, "nosuch.js"),
                new Bad("spawn", "{\"program\": \"hello.js\", \"args\": \"not a list\"}", 400, "list of words"),
                new Bad("node", "{\"action\": \"crash\", \"node\": \"99\"}", 400, "99"),
                new Bad("node", "{\"action\": \"add\", \"name\": \"n6\", \"speed\": -1}", 400, "speed must be a positive number"),
                new Bad("policy", "{\"name\": \"chaos\"}", 400, "chaos"),
                new Bad("advance", "{\"duration\": \"-5s\"}", 400, "negative"),
                new Bad("pace", "{\"pace\": \"warp\"}", 400, "want realtime or max"),
                new Bad("teleport", "{}", 404, "no control 'teleport'"));
        String before = Clusters.world(kernel);
        for (Bad b : bad) {
            Http.Reply r = post(web, b.control(), b.body(), session, null);
            assertEquals(b.status(), r.status(), b + " -> " + r.body());
            assertTrue(error(r).contains(b.says()), b.control() + ": " + error(r) + " should say " + b.says());
            assertEquals(before, Clusters.world(kernel), "refused " + b + " yet the cluster changed");
        }
        Http.Reply text = Http.send("POST", web.url() + "api/kill", java.util.Map.of(Access.SESSION_HEADER, session, "Content-Type", "text/plain"),
                "{\"pid\": " + pid + "}");
        assertEquals(415, text.status());
        assertEquals(405, get(web.url() + "api/kill", null).status());
        assertEquals(404, get(web.url() + "etc/passwd", null).status());
        assertEquals(before, Clusters.world(kernel));
    }

    @Test
    void aPageOfAnotherHostIsRefused() throws Exception {
        try (Socket s = new Socket("127.0.0.1", web.port())) { // what a DNS-rebinding page's request looks like
            OutputStream out = s.getOutputStream();
            out.write("GET /api/state HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(reply.startsWith("HTTP/1.1 403"), reply);
            assertTrue(reply.contains("evil.example"), reply);
        }
    }

    @Test
    void aNonLoopbackBindNeedsATokenAndEveryRequestThenCarriesIt() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WebOptions("0.0.0.0", 0, null));
        assertTrue(e.getMessage().contains("needs --token"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WebOptions("0.0.0.0", 0, "short"));
        String token = "a-long-enough-token-42";
        try (WebView open = WebView.start(kernel, new WebOptions("0.0.0.0", 0, token), 1)) {
            assertTrue(open.url().endsWith("/?token=" + token), open.url());
            String base = "http://127.0.0.1:" + open.port() + "/";
            assertEquals(403, get(base, null).status());
            assertEquals(403, get(base + "api/state", null).status());
            assertEquals(403, get(base + "api/state?token=wrong-token-but-long", null).status());
            Http.Reply page = get(base + "?token=" + token, null);
            assertEquals(200, page.status());
            String cookie = page.header("Set-Cookie");
            assertTrue(cookie.startsWith(Access.COOKIE + "=" + token) && cookie.contains("HttpOnly"), cookie);
            assertEquals(200, get(base + "api/state", cookie.split(";")[0]).status());
            String before = Clusters.world(kernel);
            String openSession = sessionOf(page.body());
            String kill = "{\"pid\": " + PIDS.get(1) + "}";
            assertEquals(403, post(open, "kill", kill, openSession, null).status(), "the session token alone is not enough");
            assertEquals(403, post(open, "kill", kill, null, token).status(), "nor the access token alone");
            assertEquals(before, Clusters.world(kernel));
            assertEquals(200, post(open, "pace", "{\"pace\": \"max\"}", openSession, token).status());
        }
    }

    @Test
    void theStateIsTheKernels() throws Exception {
        JsonNode state = JSON.readTree(get(web.url() + "api/state", null).body());
        synchronized (kernel) {
            assertEquals(kernel.now(), state.get("time").asLong());
            assertEquals(kernel.nodes().size(), state.get("nodes").size());
            for (int i = 0; i < kernel.nodes().size(); i++) {
                assertEquals(kernel.nodes().get(i).spec().name(), state.get("nodes").get(i).get("name").asText());
                assertEquals(kernel.nodes().get(i).processes(), state.get("nodes").get(i).get("processes").asInt());
            }
            assertEquals(kernel.ps().stream().map(p -> p.pid() + "@" + p.where()).toList(),
                    java.util.stream.StreamSupport.stream(state.get("processes").spliterator(), false)
                            .map(p -> p.get("pid").asInt() + "@" + p.get("where").asInt()).toList());
        }
    }

    @Test
    void watchingDoesNotChangeTheTrace() throws Exception {
        List<String> unwatched = balancedRun(false);
        List<String> watched = balancedRun(true);
        assertTrue(unwatched.stream().anyMatch(l -> l.contains("migrat")), "the run has migrations to get wrong");
        assertEquals(unwatched, watched);
    }

    /** paper5 under MOSIX's policy, 6 endless processes started at node 1, 6 s in steps; watched: a page streams it meanwhile. */
    private static List<String> balancedRun(boolean watched) throws Exception {
        try (Kernel k = Kernel.boot(ssi.kernel.Image.load(Clusters.PAPER5), 5)) {
            for (int i = 0; i < 6; i++) {
                k.spawnSynthetic(1, Clusters.endless());
            }
            WebView view = watched ? WebView.start(k, new WebOptions(WebOptions.LOOPBACK, 0, null), 1) : null;
            Thread page = watched ? Thread.ofVirtual().start(() -> { // reads the stream as a page does, until the view closes
                try (InputStream in = java.net.URI.create(view.url() + "api/events").toURL().openStream()) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the view closed
                }
            }) : null;
            for (int s = 0; s < 12; s++) {
                k.advance(500_000_000L);
                if (watched) {
                    assertEquals(200, get(view.url() + "api/state", null).status());
                }
            }
            if (watched) {
                view.close();
                page.join(10_000);
            }
            return k.trace();
        }
    }

    private static Http.Reply get(String url, String cookie) throws IOException {
        return Http.get(url, cookie == null ? java.util.Map.of() : java.util.Map.of("Cookie", cookie));
    }

    static Http.Reply post(WebView view, String control, String body, String session, String token) throws IOException {
        java.util.Map<String, String> headers = new java.util.HashMap<>(java.util.Map.of("Content-Type", "application/json"));
        if (session != null) {
            headers.put(Access.SESSION_HEADER, session);
        }
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return Http.send("POST", "http://127.0.0.1:" + view.port() + "/api/" + control, headers, body);
    }

    static String sessionOf(String page) {
        Matcher m = Pattern.compile("name=\"ssi-session\" content=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "the page carries its session token");
        return m.group(1);
    }

    private static String error(Http.Reply r) throws IOException {
        return JSON.readTree(r.body()).get("error").asText();
    }
}
