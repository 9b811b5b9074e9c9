package ssi.guest;

import java.util.List;

/**
 * A program to run as a guest process.
 *
 * @param path where the program lives in the cluster's namespace (shown in errors and stack traces)
 * @param source its text
 * @param args its arguments (without the program path)
 * @param seed seeds the guest's random numbers, so that runs repeat
 */
public record GuestProgram(String path, String source, Language language, List<String> args, long seed) {
    public GuestProgram {
        args = List.copyOf(args);
    }
}
