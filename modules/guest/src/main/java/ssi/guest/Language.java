package ssi.guest;

import java.util.Optional;

/** A guest language, recognised by a program's file extension. */
public enum Language {
    JS("js", ".js", ".mjs", ".cjs"),
    PYTHON("python", ".py");

    private final String id;
    private final String[] extensions;

    Language(String id, String... extensions) {
        this.id = id;
        this.extensions = extensions;
    }

    /** The GraalVM language id. */
    public String id() {
        return id;
    }

    /** The language of a program file, by extension. */
    public static Optional<Language> of(String path) {
        for (Language l : values()) {
            for (String extension : l.extensions) {
                if (path.endsWith(extension)) {
                    return Optional.of(l);
                }
            }
        }
        return Optional.empty();
    }
}
