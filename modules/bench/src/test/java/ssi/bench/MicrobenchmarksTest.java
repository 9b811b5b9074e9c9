package ssi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.TimeValue;
import ssi.kernel.Image;

/** Every benchmark runs under JMH, in this JVM, and reports a positive cost per unit of its work. */
class MicrobenchmarksTest {
    @Test
    void everyBenchmarkRunsAndReportsItsCost() throws Exception {
        StringWriter text = new StringWriter();
        Microbenchmarks.run(Image.load(Path.of("../../images/paper5")), new TimeValue(200, TimeUnit.MILLISECONDS), 1, 1,
                new PrintWriter(text, true));
        List<String> lines = text.toString().lines().toList();
        assertEquals(5, lines.size(), text.toString());
        Pattern cost = Pattern.compile("jmh (gossip|policy|synthetic|migration|forwarded call): (\\d+)( ± \\d+)? ns of host time per .+");
        for (String line : lines) {
            Matcher m = cost.matcher(line);
            assertTrue(m.matches(), line);
            assertTrue(Long.parseLong(m.group(2)) > 0, line);
        }
        assertEquals(List.of("forwarded call", "gossip", "migration", "policy", "synthetic"),
                lines.stream().map(l -> cost.matcher(l)).peek(Matcher::matches).map(m -> m.group(1)).toList());
    }
}
