package ssi.guest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.graalvm.polyglot.Source;

/**
 * Node's built-in modules as ssi's JavaScript guests see them. GraalJS's own {@code require} finds
 * each built-in's name ({@code fs}, {@code node:fs}) through a replacement path under
 * {@link #DIRECTORY}, where {@link NodeCoreFileSystem} serves a one-line stub that asks the
 * prelude for the module: ssi's own version (internal code, from this module's resources) or a
 * clear error that names the module and says what ssi offers instead.
 */
final class NodeCore {
    /** Where the stubs live in a JS guest's file system (nothing of the cluster's is there). */
    static final String DIRECTORY = "/.ssi/node/";

    /** Node 20's built-in modules, by name. */
    static final List<String> NAMES = List.of("assert", "assert/strict", "async_hooks", "buffer", "child_process", "cluster",
            "console", "constants", "crypto", "dgram", "diagnostics_channel", "dns", "dns/promises", "domain", "events", "fs",
            "fs/promises", "http", "http2", "https", "inspector", "module", "net", "os", "path", "path/posix", "path/win32",
            "perf_hooks", "process", "punycode", "querystring", "readline", "readline/promises", "repl", "stream",
            "stream/promises", "stream/web", "string_decoder", "sys", "timers", "timers/promises", "tls", "trace_events", "tty",
            "url", "util", "util/types", "v8", "vm", "wasi", "worker_threads", "zlib");

    /** The built-ins that ssi's own code implements from a resource (others are aliases the prelude resolves). */
    private static final List<String> IMPLEMENTED = List.of("assert", "events", "fs", "os", "path", "util");

    /** What a program can use instead of a built-in ssi lacks. */
    private static final Map<String, String> INSTEAD = Map.ofEntries(
            Map.entry("child_process", "start processes with ssi.spawn(path, args) and ssi.wait(pid)"),
            Map.entry("cluster", "start worker processes with ssi.spawn and talk through ssi.send/ssi.recv"),
            Map.entry("worker_threads", "start processes with ssi.spawn; guests have no threads"),
            Map.entry("net", "exchange messages with ssi.send(pid, text) and ssi.recv(), or use ssi.pipe()"),
            Map.entry("http", "exchange messages with ssi.send(pid, text) and ssi.recv()"),
            Map.entry("https", "exchange messages with ssi.send(pid, text) and ssi.recv()"),
            Map.entry("http2", "exchange messages with ssi.send(pid, text) and ssi.recv()"),
            Map.entry("dgram", "exchange messages with ssi.send(pid, text) and ssi.recv()"),
            Map.entry("tls", "exchange messages with ssi.send(pid, text) and ssi.recv()"),
            Map.entry("dns", "address processes by pid (ssi.send, ssi.kill)"),
            Map.entry("readline", "read the process's stdin with ssi.read(0)"),
            Map.entry("tty", "write with console.log or process.stdout.write"));

    private static final Map<String, Source> SOURCES = new ConcurrentHashMap<>();

    private NodeCore() {}

    /** GraalJS's {@code js.commonjs-core-modules-replacements}: every built-in's name mapped to its stub. */
    static String replacements() {
        return NAMES.stream().map(n -> n + ":" + DIRECTORY + n + ".js").collect(Collectors.joining(","));
    }

    /** The name of the built-in whose stub is at {@code path}, or null if the path is not a stub's. */
    static String nameAt(String path) {
        if (!path.startsWith(DIRECTORY) || !path.endsWith(".js")) {
            return null;
        }
        String name = path.substring(DIRECTORY.length(), path.length() - 3);
        return NAMES.contains(name) ? name : null;
    }

    /** The stub a built-in's replacement path holds: it exports what the prelude's loader gives. */
    static String stub(String name) {
        return "module.exports = globalThis[Symbol.for('ssi.node')]('" + name + "');\n";
    }

    /** Whether {@code path} is a stub's directory (one of {@link #DIRECTORY}'s, e.g. {@code /.ssi/node/fs}). */
    static boolean isDirectory(String path) {
        String dir = path.endsWith("/") ? path : path + "/";
        return DIRECTORY.startsWith(dir) || dir.startsWith(DIRECTORY) && NAMES.stream().anyMatch(n -> (DIRECTORY + n).startsWith(dir));
    }

    /**
     * ssi's implementation of a built-in: internal code that evaluates to a function of
     * {@code (module, exports, require, internals)}.
     *
     * @throws SyscallException naming the module and what ssi offers instead, when ssi has none
     */
    static Source source(String name) {
        if (!IMPLEMENTED.contains(name)) {
            String instead = INSTEAD.get(name);
            throw new SyscallException(Errno.ENOENT, "require: ssi has no Node built-in module '" + name + "'"
                    + (instead == null ? "; ssi's guests have fs (a synchronous subset), path, util, events, assert, os, timers,"
                    + " perf_hooks and the ssi module" : "; " + instead));
        }
        return SOURCES.computeIfAbsent(name, n -> Source.newBuilder("js", GuestProcess.resource("node/" + n + ".js"), "node:" + n)
                .internal(true).cached(true).buildLiteral());
    }
}
