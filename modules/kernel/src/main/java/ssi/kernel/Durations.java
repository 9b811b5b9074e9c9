package ssi.kernel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses spans of virtual time: "500ms", "10s", "1.5s", "2m", "250us". */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)");

    private Durations() {}

    public static long parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad duration '" + text + "': want a number and a unit (ns, us, ms, s, m, h), e.g. 500ms or 10s");
        }
        double unit = switch (m.group(2)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        return Math.round(Double.parseDouble(m.group(1)) * unit);
    }

    public static String format(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3fs", nanos / 1e9);
    }

    /** Short spans (a migration's phases), to the microsecond. */
    public static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3fms", nanos / 1e6);
    }
}
