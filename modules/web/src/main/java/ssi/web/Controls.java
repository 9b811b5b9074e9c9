package ssi.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ssi.api.Signal;
import ssi.kernel.Durations;
import ssi.kernel.Kernel;
import ssi.kernel.KernelException;
import ssi.kernel.Pace;
import ssi.kernel.RunOptions;

/**
 * The page's controls, each the kernel call the shell's command makes (migrate, kill, mosrun,
 * policy use, node add|shutdown|crash|restart, advance, the pace), with the kernel's own refusals.
 * A request names its fields in JSON; a missing or ill-typed one is refused before the kernel is asked.
 */
final class Controls {
    /** A refusal: the HTTP status and the one-line reason the page shows. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final Kernel kernel;
    private final int shellNode;

    Controls(Kernel kernel, int shellNode) {
        this.kernel = kernel;
        this.shellNode = shellNode;
    }

    /** The control {@code name} applied with {@code body}; what it returns to the page. */
    JsonNode apply(String name, JsonNode body) throws Refused {
        if (!body.isObject()) {
            throw new Refused(400, name + ": the body must be a JSON object, got " + body.getNodeType().name().toLowerCase());
        }
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        try {
            switch (name) {
                case "migrate" -> { // migrate PID NODE|home|balance
                    only(name, body, "pid", "to");
                    kernel.migrate(pid(name, body), text(name, body, "to"));
                }
                case "kill" -> { // kill [-SIGNAL] PID
                    only(name, body, "pid", "signal");
                    String wanted = body.has("signal") ? text(name, body, "signal") : "TERM";
                    Signal s = Signal.parse(wanted).orElseThrow(() -> new Refused(400, "kill: no signal '" + wanted + "'"));
                    kernel.kill(pid(name, body), s);
                }
                case "spawn" -> { // mosrun PROG ARGS, from the shell's node
                    only(name, body, "program", "args");
                    reply.put("pid", kernel.spawn(shellNode, text(name, body, "program"), words(name, body, "args"), RunOptions.DEFAULT));
                }
                case "policy" -> { // policy use NAME key=value...
                    only(name, body, "name", "settings");
                    kernel.usePolicy(text(name, body, "name"), settings(name, body));
                    reply.put("policy", kernel.policy());
                }
                case "node" -> reply.put("node", node(body));
                case "advance" -> { // advance DURATION
                    only(name, body, "duration");
                    String d = text(name, body, "duration");
                    if (d.strip().startsWith("-")) {
                        throw new Refused(400, "advance: the duration is negative (" + d.strip() + "): time only goes forward");
                    }
                    kernel.advance(Durations.parse(d));
                }
                case "pace" -> { // realtime: the clock runs; max: paused, time moves only by advance
                    only(name, body, "pace");
                    String p = text(name, body, "pace");
                    kernel.pace(switch (p) {
                        case "realtime" -> Pace.REALTIME;
                        case "max" -> Pace.MAX;
                        default -> throw new Refused(400, "pace: want realtime or max, got '" + p + "'");
                    });
                }
                default -> throw new Refused(404, "no control '" + name + "' (migrate, kill, spawn, policy, node, advance, pace)");
            }
        } catch (KernelException | IllegalArgumentException | IllegalStateException e) {
            throw new Refused(400, name + ": " + e.getMessage()); // the kernel's words, as the shell prints them
        }
        reply.put("time", Durations.format(kernel.now()));
        return reply;
    }

    /** node add NAME speed cpus mem disk, or node shutdown|crash|restart NODE. */
    private int node(JsonNode body) throws Refused, KernelException {
        String action = text("node", body, "action");
        if (action.equals("add")) {
            only("node", body, "action", "name", "speed", "cpus", "mem", "disk");
            return kernel.addNode(text("node", body, "name"), number(body, "speed", 1), (int) number(body, "cpus", 1),
                    Math.round(number(body, "mem", 1024) * (1 << 20)), Math.round(number(body, "disk", 1024) * (1 << 20)));
        }
        only("node", body, "action", "node");
        int id = kernel.image().nodeId(text("node", body, "node"), shellNode);
        switch (action) {
            case "shutdown" -> kernel.shutdown(id);
            case "crash" -> kernel.crash(id);
            case "restart" -> kernel.restart(id);
            default -> throw new Refused(400, "node: want action add, shutdown, crash or restart, got '" + action + "'");
        }
        return id;
    }

    private static void only(String control, JsonNode body, String... fields) throws Refused {
        List<String> known = List.of(fields);
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new Refused(400, control + ": no field '" + f + "' (want " + String.join(", ", known) + ")");
            }
        }
    }

    private static int pid(String control, JsonNode body) throws Refused {
        JsonNode v = body.get("pid");
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
            throw new Refused(400, control + ": pid must be a process id (a whole number from 1), got " + (v == null ? "nothing" : v));
        }
        return v.asInt();
    }

    private static String text(String control, JsonNode body, String field) throws Refused {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() && !v.isIntegralNumber() || v.asText().isBlank()) {
            throw new Refused(400, control + ": " + field + " must be given as text, got " + (v == null ? "nothing" : v));
        }
        return v.asText();
    }

    private static List<String> words(String control, JsonNode body, String field) throws Refused {
        JsonNode v = body.get(field);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            throw new Refused(400, control + ": " + field + " must be a list of words, got " + v);
        }
        for (JsonNode w : v) {
            if (!w.isTextual()) {
                throw new Refused(400, control + ": " + field + " must be a list of words, got " + w);
            }
            out.add(w.asText());
        }
        return out;
    }

    private static Map<String, String> settings(String control, JsonNode body) throws Refused {
        Map<String, String> out = new TreeMap<>();
        JsonNode v = body.get("settings");
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            throw new Refused(400, control + ": settings must be an object of key: value, got " + v);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode()) {
                throw new Refused(400, control + ": setting " + e.getKey() + " must be a number or text, got " + e.getValue());
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static double number(JsonNode body, String field, double otherwise) throws Refused {
        JsonNode v = body.get(field);
        if (v == null) {
            return otherwise;
        }
        if (!v.isNumber() || v.asDouble() <= 0 || !Double.isFinite(v.asDouble())) {
            throw new Refused(400, "node: " + field + " must be a positive number, got " + v);
        }
        return v.asDouble();
    }
}
