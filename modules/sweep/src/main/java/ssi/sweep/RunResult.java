package ssi.sweep;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a member sends back for a run: the files the run wrote (trace, summary.json, output.txt) by
 * name, or the error that stopped it. {@code needsImage}: the member lacks the image; send its bytes.
 */
public record RunResult(RunSpec spec, Map<String, byte[]> files, String error, boolean needsImage) implements Serializable {
    public RunResult {
        files = new TreeMap<>(files);
    }

    static RunResult done(RunSpec spec, Map<String, byte[]> files) {
        return new RunResult(spec, files, null, false);
    }

    static RunResult failed(RunSpec spec, String error) {
        return new RunResult(spec, Map.of(), error, false);
    }

    static RunResult imageWanted(RunSpec spec) {
        return new RunResult(spec, Map.of(), null, true);
    }

    public boolean ok() {
        return error == null && !needsImage;
    }
}
