package ssi.guest;

import java.util.Optional;

/** A guest language, recognised by a program's file extension. */
public enum Language {
    JS("js", ".js"),
    PYTHON("python", ".py");

    private final String id;
    private final String extension;

    Language(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** The GraalVM language id. */
    public String id() {
        return id;
    }

    /** The language of a program file, by extension. */
    public static Optional<Language> of(String path) {
        for (Language l : values()) {
            if (path.endsWith(l.extension)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
