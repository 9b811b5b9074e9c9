package ssi.shell;

import java.io.IOException;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/** The terminal, taken over by a live view (mon, mtop): a frame redrawn while the clock runs, keys read one at a time, q to leave. */
final class Screen {
    private static final long REFRESH_MS = 500;
    private static final String HOME_AND_CLEAR = "\033[H\033[2J";

    private final Terminal terminal;

    Screen(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Redraws {@code frame} every half second of wall time, and at each key, until q (or the end of input). */
    void live(Supplier<String> frame, IntConsumer onKey) {
        Attributes saved = terminal.enterRawMode();
        try {
            NonBlockingReader keys = terminal.reader();
            while (true) {
                terminal.writer().print(HOME_AND_CLEAR + frame.get().replace("\n", "\r\n") + "\r\n(q to leave)");
                terminal.writer().flush();
                int c = keys.read(REFRESH_MS);
                if (c == 'q' || c == NonBlockingReader.EOF) {
                    break;
                }
                if (c >= 0) {
                    onKey.accept(c);
                }
            }
        } catch (IOException e) {
            // the terminal's input ended or closed: leave as with q
        } finally {
            terminal.setAttributes(saved);
            terminal.writer().println();
            terminal.writer().flush();
        }
    }
}
