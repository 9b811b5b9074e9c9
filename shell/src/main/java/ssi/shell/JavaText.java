package ssi.shell;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds Java's own words in text a user or a guest reads: class names, stack frames, and the
 * messages the JDK's exceptions carry. Any of them means an error of the host reached a reader
 * untranslated. The fuzz generators never produce these fragments themselves (their random text
 * has no dots), so a match is ssi's.
 */
final class JavaText {
    private static final List<String> FRAGMENTS = List.of(
            "Exception", "java.", "javax.", "jdk.", "org.graalvm", "com.oracle", "picocli.", "com.fasterxml",
            "ssi.guest.", "ssi.kernel.", "ssi.mfs.", "ssi.ipc.", "ssi.api.", "ssi.shell.", "ssi.procfs.", "ssi.scheduler.",
            "\tat ", ".java:",
            // what the JDK's exceptions say, with no class name in sight
            "For input string", "Cannot invoke \"", "Cannot read field \"", "Cannot load from", "because \"", " out of bounds for length ",
            "cannot be cast to class", "Nul character not allowed", "Illegal char <");
    private static final Pattern JAVA = Pattern.compile(FRAGMENTS.stream().map(Pattern::quote).collect(Collectors.joining("|")));

    private JavaText() {}

    /** The first Java fragment in {@code text}, with a little context around it; empty if there is none. */
    static Optional<String> find(String text) {
        Matcher m = JAVA.matcher(text);
        return m.find() ? Optional.of(text.substring(Math.max(0, m.start() - 60), Math.min(text.length(), m.end() + 60))) : Optional.empty();
    }
}
