package ssi.shell;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Seeded generators of shell command lines for the fuzz suite and {@code bench fuzz}: every command
 * of the shell's vocabulary, with plausible arguments half of the time and hostile ones otherwise
 * (empty, huge, negative, NaN, unicode, control characters, very long, quotes). The same seed gives
 * the same lines. Commands that could run without end in the foreground, write host files outside
 * {@code scratch} or start real benchmarks or experiments are only generated with arguments that
 * keep them from doing so: endless programs go to the background ({@code &}), benchmarks and
 * experiments get bad arguments only.
 */
final class FuzzInputs {
    /** A command of the vocabulary, how often it comes, and how its lines are made. */
    private record Kind(String name, int weight, Supplier<String> line) {}

    private final SplittableRandom r;
    private final String scratch;
    private final List<Kind> kinds;
    private final int total;

    /** @param scratch a host directory of the run's own, for the commands that write host files */
    FuzzInputs(long seed, String scratch) {
        this.r = new SplittableRandom(seed);
        this.scratch = scratch;
        this.kinds = List.of(
                new Kind("mosrun", 14, this::mosrun), new Kind("kill", 6, this::kill), new Kind("advance", 10, this::advance),
                new Kind("echo", 12, this::echo), new Kind("ls", 3, () -> "ls" + maybe(this::path)), new Kind("cat", 4, () -> "cat " + path()),
                new Kind("cp", 2, () -> "cp " + path() + " " + path()), new Kind("mv", 2, () -> "mv " + path() + " " + path()),
                new Kind("rm", 2, () -> "rm " + path()), new Kind("mkdir", 2, () -> "mkdir " + path()), new Kind("cd", 2, () -> "cd" + maybe(this::path)),
                new Kind("pwd", 1, () -> "pwd" + maybe(this::hostile)), new Kind("migrate", 5, () -> "migrate " + pid() + " " + target()),
                new Kind("migrations", 2, () -> "migrations" + maybe(this::pid) + maybe(() -> "--json")), new Kind("policy", 3, this::policy),
                new Kind("ps", 2, () -> "ps" + maybe(() -> pick("--json", "-x", hostile()))),
                new Kind("nodes", 2, () -> "nodes" + maybe(() -> pick("--json", hostile()))), new Kind("mps", 1, () -> "mps" + maybe(this::hostile)),
                new Kind("mtop", 1, () -> "mtop" + maybe(this::hostile)),
                new Kind("mon", 1, () -> "mon" + maybe(() -> pick("-l", "-s", "-m", "-u", "-lsmu", hostile()))),
                new Kind("mosctl", 6, this::mosctl), new Kind("node", 3, this::nodeCommand),
                new Kind("wait", 1, () -> "wait" + (r.nextInt(4) == 0 ? "" : " " + pid() + maybe(this::pid))),
                new Kind("synth", 2, this::synth), new Kind("image", 1, this::image), new Kind("experiment", 1, this::experiment),
                new Kind("plot", 1, () -> "plot" + maybe(this::hostPath) + maybe(() -> "--open")), new Kind("bench", 1, this::bench),
                new Kind("host", 1, () -> r.nextInt(8) == 0 ? "host" + maybe(this::hostile) : "help host"),
                new Kind("trace", 1, () -> "trace" + maybe(this::hostile)), new Kind("web", 1, this::web),
                new Kind("help", 1, () -> "help" + maybe(() -> r.nextBoolean() ? pick(vocabulary()) : hostile())),
                new Kind("exit", 1, () -> "exit" + maybe(this::hostile)),
                new Kind("cluster", 2, this::cluster), new Kind("mosq", 2, this::mosq), new Kind("mosrc", 2, this::mosrc));
        this.total = kinds.stream().mapToInt(Kind::weight).sum();
    }

    /** The commands this generator covers: the shell's whole vocabulary (a test checks it against the shell's). */
    List<String> vocabulary() {
        return kinds.stream().map(Kind::name).toList();
    }

    /** The next command line: one command, now and then two joined by {@code ;}, or a line of noise. */
    String line() {
        int roll = r.nextInt(40);
        return roll == 0 ? noise() : roll == 1 ? command() + "; " + command() : command();
    }

    private String command() {
        int x = r.nextInt(total);
        for (Kind k : kinds) {
            x -= k.weight();
            if (x < 0) {
                return k.line().get();
            }
        }
        throw new AssertionError("x < total");
    }

    /** Words and no command: separators, redirections and hostile text. */
    private String noise() {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(5); i >= 0; i--) {
            b.append(pick("&", "|", ">", ">>", ";", "#", "'", "\"", "\\", "&&", "||", hostile(), word())).append(' ');
        }
        return b.toString();
    }

    // ---- the commands ----

    /** Programs that end by themselves (or are no programs): the only ones run in the foreground. */
    private static final List<String> ENDING = List.of("hello.js", "hello.js", "/bin/hello.js", "nope.js", "/bin/lib", "/home", "/proc/self/stat");
    private static final List<String> PROGRAMS = List.of("cpu.js", "idle.js", "mem.js", "work.js", "io.js", "shm.js",
            "producer.js", "consumer.js", "reader.js", "pingpong.js", "roam.js", "tree.js", "memcpu.js", "ioloop.js", "sender.js",
            "receiver.js", "ring.js", "./hello.js", "../bin/cpu.js");
    /** Python's programs, less often: a Python context takes ten times a JavaScript one's wall time to start. */
    private static final List<String> PYTHON = List.of("hello.py", "sleepy.py", "cpu.py", "idle.py", "work.py", "shm.py", "family.js");

    private String mosrun() {
        StringBuilder b = new StringBuilder("mosrun");
        for (int i = r.nextInt(4) == 0 ? r.nextInt(4) : 0; i > 0; i--) {
            b.append(' ').append(pick("-h", "-r " + node(), "-N " + node(), "-" + r.nextInt(8), "-b", "-L", "-l", "-e", "-E", "-c", "-i",
                    "-C " + pick("1", "0.5", "200ms", "0", "-1", hostile()), "-R " + pid(), "--" + word(), "-" + hostile()));
        }
        boolean ends = r.nextInt(3) == 0;
        String program = r.nextInt(10) == 0 ? pick(PYTHON) : ends ? pick(ENDING) : r.nextInt(8) == 0 ? hostile() : pick(PROGRAMS);
        ends &= !program.endsWith(".py") || program.equals("hello.py") || program.equals("sleepy.py");
        if (!b.toString().contains("-R") || r.nextBoolean()) {
            b.append(' ').append(program);
        }
        for (int i = r.nextInt(4) == 0 ? r.nextInt(4) : 0; i > 0; i--) {
            b.append(' ').append(r.nextBoolean() ? number() : hostile());
        }
        if (r.nextInt(10) == 0) {
            b.append(" | mosrun ").append(pick("consumer.js", "hello.js", "consumer.py", "nope.js", hostile()));
        }
        // in the foreground mosrun waits for the program's end: only programs that end go there
        return ends && !b.toString().contains("|") ? b.toString() : b + (r.nextInt(20) == 0 ? "&" : " &");
    }

    /**
     * The web view: served on a port of the system's choosing (never a fixed one that another run
     * may hold) and stopped, asked for an open bind without a token (refused), or bad options.
     */
    private String web() {
        return switch (r.nextInt(4)) {
            case 0 -> "web --port 0" + maybe(() -> "--token " + pick("0123456789abcdef", "short", hostile()));
            case 1 -> "web stop" + maybe(this::hostile);
            case 2 -> "web --port 0 --bind " + pick("0.0.0.0", "::", "999.1.1.1", "", hostile());
            default -> "web " + pick("--port " + pick("-1", "65536", "99999999999", number()), hostile());
        };
    }

    private String kill() {
        return switch (r.nextInt(7)) {
            case 0 -> "kill " + pid() + maybe(this::pid);
            case 1 -> "kill -" + signal() + " " + pid();
            case 2 -> "kill -s " + signal() + " " + pid() + maybe(this::pid);
            case 3 -> "kill -l" + maybe(() -> r.nextBoolean() ? number() : signal());
            case 4 -> "kill -9 " + pid();
            case 5 -> "kill -s";
            default -> "kill " + hostile() + maybe(this::hostile);
        };
    }

    private String advance() {
        return "advance" + (r.nextInt(30) == 0 ? "" : " " + duration());
    }

    /** Short spans mostly (the cluster runs guests meanwhile), odd and hostile ones otherwise. */
    private String duration() {
        return switch (r.nextInt(4)) {
            case 0, 1 -> r.nextInt(10) == 0 ? pick("0.25s", "1s", "1.5s")
                    : pick("0ns", "1ns", "999ns", "3us", "0.5ms", "1ms", "10ms", "15ms", "50ms", "100ms", "0s", "0.0001s");
            case 2 -> pick("-5s", "-0s", "NaN", "NaNs", "Infinitys", "1e3s", "1.5.5s", "s", "ms", "10", "10 s", "10S", "\u0663s", "\uff15s",
                    "9223372036854775807ns", "9223372036854775808ns", "99999999999999999999h", "146y", "106751d", "4611686018s", "2562047h",
                    "0.000000000000001ns", "1_000ms", "+1s", ".5s", "5.s", "1h1s", "1e-9s");
            default -> r.nextBoolean() ? number() + pick("ns", "us", "ms", "s", "m", "h", "d", "") : hostile();
        };
    }

    private static final List<String> ADMIN = List.of("block", "stay", "lstay", "quiet", "nomfs", "expel", "bring", "speed", "slow-decay",
            "fast-decay", "max-processes", "mospe", "decay-interval", "bogus", "");
    private static final List<String> NODE_FILES = List.of("cpus", "load", "mem", "tmem", "rmem", "speed", "status", "util", "bogus", "");
    private static final List<String> PROCESS_FILES = List.of("where", "goto", "from", "lock", "nmigs", "cantmove", "stat", "migrations",
            "status", "bogus", "");

    /** A file of /proc, mostly one that exists. */
    private String procFile() {
        return switch (r.nextInt(6)) {
            case 0, 1 -> "/proc/mosix/admin/" + pick(ADMIN);
            case 2 -> "/proc/mosix/nodes/" + node() + "/" + pick(NODE_FILES);
            case 3 -> "/proc/" + pid() + "/" + pick(PROCESS_FILES);
            case 4 -> "/proc/self/" + pick(PROCESS_FILES);
            default -> "/proc/" + pick("", "mosix", "mosix/nodes", "self", hostile(), "1/" + hostile(), "mosix/admin/" + hostile());
        };
    }

    /** What is written to a /proc file: switches, nodes, speeds, decays, limits, and nonsense. */
    private String procValue() {
        return r.nextBoolean() ? pick("0", "1", "2", "home", "node3", "balance", "1.5", "0.001", "1000", "1001", "999", "256", "1000000",
                "1000001", "0.0001", "-1", "NaN", "banana", "''", "'1 2'", "yes", "0x1") : r.nextBoolean() ? number() : hostile();
    }

    private String echo() {
        return switch (r.nextInt(6)) {
            case 0, 1, 2 -> "echo " + procValue() + " " + pick(">", ">", ">>") + " " + procFile();
            case 3 -> "echo " + hostile() + " " + pick(">", ">>") + " " + path();
            case 4 -> "echo " + hostile() + maybe(this::hostile);
            default -> "echo " + pick(">", ">>", "> >", "a > b > c", "> /proc/mosix/admin/block extra", "");
        };
    }

    private String mosctl() {
        String verb = pick("stay", "nostay", "lstay", "nolstay", "block", "noblock", "quiet", "noquiet", "expel", "bring", "getload", "getspeed",
                "getmem", "getfree", "getutil", "status", "whois", "setspeed", "setdecay", "frob", "''", hostile());
        String args = switch (verb) {
            case "setspeed" -> maybe(() -> pick("2", "0", "0.001", "1000", "1000.5", "1e3", "99999999999999999999", "-1", number()));
            case "setdecay" -> " " + pick("1", "2", number()) + " " + pick("990", "1000", "1001", "0", number()) + " "
                    + pick("900", "99999999999", number());
            default -> maybe(this::node) + (r.nextInt(6) == 0 ? " " + node() : "");
        };
        return "mosctl" + (r.nextInt(4) == 0 ? " -n " + node() : "") + " " + verb + args;
    }

    /** MOSIX2's multi-cluster commands (a one-cluster image refuses most of what they ask). */
    private String cluster() {
        String name = pick("paper5", "lab", "dept", "''", hostile());
        return "cluster " + pick("list", "connect " + name, "disconnect " + name, "priority " + name + " " + pick("paper5", "dept", hostile())
                + " " + pick("1", "0", "65535", "65536", "none", "-3", number()), "frob", hostile());
    }

    private String mosq() {
        return "mosq " + pick("list", "run", "delete", "priority", "frob", hostile()) + maybe(this::number) + maybe(this::number);
    }

    private String mosrc() {
        return "mosrc" + maybe(() -> "-r " + node()) + " " + pick("hello.js", "cpu.js 1000", "nothere.js", hostile()) + (r.nextInt(4) == 0 ? " &" : "");
    }

    private String nodeCommand() {
        String action = pick("add", "add", "crash", "restart", "restart", "shutdown", "frob", "''", hostile());
        if (!action.equals("add")) {
            return "node " + action + maybe(this::node) + (r.nextInt(8) == 0 ? " " + hostile() : "");
        }
        StringBuilder b = new StringBuilder("node add " + pick("big", "n" + r.nextInt(100), "node1", "''", "1x", "home", "balance",
                "x".repeat(40), "a_b-c", hostile()));
        for (int i = r.nextInt(5); i > 0; i--) {
            b.append(' ').append(pick("speed=2", "speed=0", "speed=1001", "speed=NaN", "speed=0.0005", "cpus=0", "cpus=2", "cpus=2000",
                    "mem=1", "mem=0", "mem=99999999999999", "disk=0", "disk=x", "bogus=1", "speed", "=", "speed=" + number(), hostile()));
        }
        return b.toString();
    }

    private String policy() {
        return "policy " + switch (r.nextInt(7)) {
            case 0 -> "list";
            case 1 -> "show";
            case 2, 3 -> "use " + pick("mosix", "none", "round-robin", "opportunity-cost", "nosuch", "''", hostile())
                    + maybe(() -> pick("margin=1.5", "margin=banana", "margin=", "=1", "x=y", "margin=NaN", "margin=-1", "margin=1e308",
                    "io_gain=2", "window=0", hostile()));
            case 4 -> "load" + maybe(this::hostPath);
            case 5 -> "unload " + pick("mosix", "none", "least-loaded", "nosuch", hostile());
            default -> hostile();
        };
    }

    /** A few synthetic processes, or a count or figure that cannot be. */
    private String synth() {
        StringBuilder b = new StringBuilder("synth");
        if (r.nextInt(6) == 0) {
            b.append(" --trace ").append(hostPath());
        } else {
            b.append(maybe(() -> pick("0", "-1", "1", "2", "3", "1000001", "2147483647", "99999999999", "abc", "''", hostile())));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            b.append(' ').append(pick("--seconds", "--mem", "--calls", "--dirty")).append(' ')
                    .append(pick("1", "0", "exp:1", "exp:-1", "uniform:1:2", "uniform:2:1", "nan", "inf", "1e308", "exp:1e308",
                            "uniform:0:1e300", "exp:", "uniform:1", hostile()));
        }
        if (r.nextInt(4) == 0) {
            b.append(pick(" --spread", " --seed " + number(), " --call-bytes " + number(), " --frob"));
        }
        return b.toString();
    }

    /** image generate, writing into the scratch directory only. */
    private String image() {
        return "image " + pick("generate", "generate", "frob", "''", hostile()) + maybe(() -> "--nodes " + pick("0", "-1", "1", "3", "100001",
                "2147483647", "abc", number())) + maybe(() -> "--out " + scratch + "/" + word())
                + maybe(() -> pick("--speeds ", "--cpus ", "--mem ", "--policy ", "--quantum-ms ", "--seed ")
                + pick("1", "0", "-1", "uniform:1:3", "exp:0", "NaN", "nosuch", "1e308", hostile()));
    }

    /** experiment with no experiment's name: list, or a name that is none. */
    private String experiment() {
        return "experiment " + pick("list", "run", "compare", "frob", "''") + maybe(() -> pick("nosuch", "''", "../manifest", "../../pom",
                "/etc/passwd", "test1-cpu.toml", "../experiments/nosuch", hostile())) + maybe(() -> pick("--seed ", "--policy ", "--policies ",
                "--until ", "--out " + scratch + "/") + pick("1", "x", "-1", "mosix,nosuch", "1s", "-5s", hostile()));
    }

    /** bench with bad arguments only: a real benchmark would run for minutes. */
    private String bench() {
        return "bench " + pick("--runs 0", "--runs -1", "--runs x", "--frob", "program", "program nope.js", "program /etc/passwd", "program /bin",
                "program hello.txt", "program hello.js --runs 0", "program hello.js --runs -5", "program --json", "fuzz --cases -1",
                "fuzz --cases x", "fuzz --seed x", "fuzz --crashes -1", "fuzz --frob", "--jmh --runs 0", "--suite --runs -2", "--start --runs 0",
                "program " + hostile(), "--runs " + notACount(hostile()));
    }

    /** A hostile word that is no count of runs: a real one (say 256) would start a benchmark of hours (the campaign found it). */
    private static String notACount(String word) {
        try {
            return Integer.decode(word) > 0 ? "-" + word : word;
        } catch (NumberFormatException e) {
            return word;
        }
    }

    // ---- words ----

    private String pid() {
        return r.nextInt(5) == 0 ? r.nextBoolean() ? number() : hostile() : String.valueOf(1 + r.nextInt(40));
    }

    private String node() {
        return r.nextInt(4) == 0 ? hostile() : pick("1", "2", "3", "4", "5", "6", "7", "0", "node1", "node3", "node5", "big", "home");
    }

    private String target() {
        return r.nextInt(4) == 0 ? hostile() : pick("1", "2", "3", "4", "5", "node2", "home", "balance", "9", "0", "-1");
    }

    private String signal() {
        return r.nextInt(5) == 0 ? hostile() : pick("9", "15", "KILL", "SIGKILL", "TERM", "USR1", "SIGUSR2", "STOP", "CONT", "HUP", "INT",
                "PIPE", "ALRM", "CHLD", "sigterm", "0", "99", "-1", "BOGUS", "SIG", "''");
    }

    /** A path of the cluster's namespace: mostly real places, odd spellings, then hostile text. */
    private String path() {
        return r.nextInt(5) == 0 ? hostile() : pick("/", "/bin", "/bin/hello.js", "/bin/lib", "/home", "/home/f", "/home/d", "/home/d/f", "/tmp",
                "/tmp/x", "/mfs", "/mfs/1", "/mfs/2/home/f", "/mfs/3/x", "/mfs/9/x", "/mfs/0", "/proc", "/proc/self", "/proc/1/stat",
                "/proc/mosix/admin/block", ".", "..", "../..", "./f", "f", "d", "d/f", "//home//f", "/home/../../..", "/bin/../home/f", "~",
                "'*'", "/home/" + word(), "a/".repeat(300) + "f", "/home/" + "n".repeat(300), "/tmp/" + hostile(), procFile());
    }

    /** A host path for the commands about host files: the scratch directory, files that are not what they expect, nonsense. */
    private String hostPath() {
        return pick(scratch, scratch + "/" + word(), scratch + "/none/x", "/nonexistent-ssi-fuzz/x", "/etc/passwd", "/etc/hostname", "/",
                "/dev/null", "/tmp", "''", hostile());
    }

    /** A number in one of the forms people and programs write them, the ones no parser should choke on. */
    private String number() {
        return pick("0", "-0", "1", "-1", "2", "5", "9", "10", "255", "256", "65535", "2147483647", "2147483648", "-2147483648", "4294967296",
                "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e308", "1e309", "1e-400", "NaN", "Infinity",
                "-Infinity", "0x10", "010", "1_000", "1,000", "\u0663", "\uff15", "0.0", "-0.0", ".5", "5.", "1e3", "+7",
                "99999999999999999999999999999", String.valueOf(r.nextLong()), String.valueOf(r.nextDouble() * 1e6));
    }

    /** Anything a user could type: empty, numbers, unicode, control characters, quotes, very long words. */
    private String hostile() {
        return switch (r.nextInt(8)) {
            case 0 -> number();
            case 1 -> pick("''", "\"\"", "'", "\"", "\\", "'a b'", "\"a b\"", "'\"'", "$HOME", "`id`", "$(id)", "*", "?", "~", "%s", "%n", "{}",
                    "[]", "--", "-", "--help", "-h", "@/etc/hostname", "@", "!!", ";", "|", "&", ">", "<");
            case 2 -> pick("\u00e9t\u00e9", "\u65e5\u672c\u8a9e", "\ud83d\ude00", "\ud800", "\udfff", "\u202e", "\u200b", "\ufeff", "\uffff",
                    "e\u0301", "\u0000", "a\u0000b", "\u0001", "\u001b[2J", "\r", "\u007f", "\u0085", "\u2028");
            case 3 -> word().repeat(1 + r.nextInt(2000));
            case 4 -> randomText(r.nextInt(4) == 0 ? 1000 + r.nextInt(20_000) : r.nextInt(12));
            default -> word();
        };
    }

    /** A short word of letters, digits and a few signs. */
    private String word() {
        return randomText(1 + r.nextInt(8)).replaceAll("[^A-Za-z0-9_-]", "x");
    }

    /**
     * Random characters: ASCII without the dot and the tab (so that no Java name can be made by
     * chance, as JavaText looks for them), control characters, and letters from all of Unicode.
     */
    private String randomText(int length) {
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            int c = switch (r.nextInt(10)) {
                case 0 -> r.nextInt(0x20);
                case 1 -> 0x80 + r.nextInt(0x800);
                case 2 -> r.nextInt(0x110000);
                default -> 0x20 + r.nextInt(0x5f);
            };
            if (c != '.' && c != '\t' && !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                b.appendCodePoint(c);
            }
        }
        return b.toString();
    }

    private String maybe(Supplier<String> word) {
        return r.nextBoolean() ? " " + word.get() : "";
    }

    private String pick(String... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private String pick(List<String> choices) {
        return choices.get(r.nextInt(choices.size()));
    }
}
