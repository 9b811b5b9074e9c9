package ssi.guest;

import java.util.List;

/**
 * A program to run as a guest process.
 *
 * @param path where the program lives in the cluster's namespace, absolute (its {@code __filename},
 *     {@code sys.argv[0]}; shown in errors and stack traces)
 * @param source its text
 * @param args its arguments (without the program path)
 * @param seed seeds the guest's random numbers, so that runs repeat
 * @param cwd the working directory it starts in, absolute
 */
public record GuestProgram(String path, String source, Language language, List<String> args, long seed, String cwd) {
    public GuestProgram {
        args = List.copyOf(args);
        if (!path.startsWith("/") || !cwd.startsWith("/")) {
            throw new IllegalArgumentException("a program's path and working directory are absolute: " + path + ", " + cwd);
        }
    }

    /** The directory holding the program: where its relative imports start. */
    public String directory() {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
