package ssi.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads manifest fields with messages naming the file, the line (found in its text) and the field. */
record ManifestFields(Path file, List<String> lines) {
    ImageException bad(String field, String problem) {
        int line = line(field);
        return new ImageException(file + (line > 0 ? ":" + line : "") + ": field '" + field + "': " + problem);
    }

    /**
     * The line of a field ({@code node[2].speed}, {@code clock.quantum_ms}, {@code node}), or of
     * its table when the field is missing; 0 if the text does not say (a dotted key, an inline table).
     */
    private int line(String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:(\\w+(?:\\.\\w+)*?)(?:\\[(\\d+)])?\\.)?([\\w-]+)").matcher(field);
        if (!m.matches()) {
            return 0;
        }
        String table = m.group(1) == null ? "" : m.group(1), key = m.group(3);
        int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String current = "";
        int seen = 0, header = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            java.util.regex.Matcher t = java.util.regex.Pattern.compile("^(\\[\\[?)\\s*([\\w.-]+)\\s*]]?.*").matcher(l);
            if (t.matches()) {
                current = t.group(2);
                boolean array = t.group(1).equals("[[");
                if (current.equals(table) && (index == 0 || array && ++seen == index)) {
                    header = i + 1;
                }
                if (table.isEmpty() && current.equals(key)) {
                    return i + 1; // a table given for a key of the root ([node])
                }
                continue;
            }
            boolean here = current.equals(table) && (index == 0 || seen == index);
            if (here && l.matches("\"?" + java.util.regex.Pattern.quote(key) + "\"?\\s*=.*")) {
                return i + 1;
            }
        }
        return header;
    }

    void only(JsonNode table, String prefix, Set<String> known) throws ImageException {
        if (table == null) {
            return;
        }
        for (Iterator<String> it = table.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw bad(prefix + k, "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    JsonNode table(JsonNode root, String field) throws ImageException {
        JsonNode t = root.get(field.substring(field.lastIndexOf('.') + 1));
        if (t != null && !t.isObject()) {
            throw bad(field, t.isArray() ? "write [" + field + "] (one table), not [[" + field + "]]" : "must be a table, as [" + field + "]");
        }
        return t;
    }

    private JsonNode leaf(JsonNode table, String field) {
        return table == null ? null : table.get(field.substring(field.lastIndexOf('.') + 1));
    }

    /** A string; {@code dflt} null: the field is required. */
    String text(JsonNode table, String field, String dflt) throws ImageException {
        JsonNode v = leaf(table, field);
        if (v == null && dflt == null) {
            throw bad(field, "missing: it is required");
        }
        if (v == null) {
            return dflt;
        }
        if (!v.isTextual() || v.asText().isBlank() && !field.equals("description")) {
            throw bad(field, "must be a non-empty string in quotes, got " + shown(field, v));
        }
        return v.asText();
    }

    boolean bool(JsonNode table, String field, boolean dflt) throws ImageException {
        JsonNode v = leaf(table, field);
        if (v == null) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw bad(field, "must be true or false, got " + shown(field, v));
        }
        return v.asBoolean();
    }

    /** A number within its bounds; {@code dflt} NaN: the field is required. */
    double number(JsonNode table, String field, double dflt, Image.Bound bound) throws ImageException {
        JsonNode v = leaf(table, field);
        if (v == null && Double.isNaN(dflt)) {
            throw bad(field, "missing: it is required (a number " + bound.describe() + ")");
        }
        if (v == null) {
            return dflt;
        }
        if (!v.isNumber()) {
            throw bad(field, "must be a number " + bound.describe() + ", got " + shown(field, v));
        }
        if (!bound.holds(v.asDouble())) {
            throw bad(field, "must be " + bound.describe() + ", got " + shown(field, v));
        }
        return v.asDouble();
    }

    long integer(JsonNode table, String field, long dflt, Image.Bound bound) throws ImageException {
        JsonNode v = leaf(table, field);
        if (v == null) {
            return dflt;
        }
        if (!v.isIntegralNumber()) {
            throw bad(field, "must be a whole number " + bound.describe() + ", got " + shown(field, v));
        }
        if (!v.canConvertToLong() || !bound.holds(v.asLong())) {
            throw bad(field, "must be " + bound.describe() + ", got " + shown(field, v));
        }
        return v.asLong();
    }

    /** A value as the manifest wrote it (the reader may have mangled a number too large), cut short if long. */
    private String shown(String field, JsonNode v) {
        int line = line(field);
        String s = !v.isValueNode() ? v.isArray() ? "an array" : "a table"
                : line > 0 && lines.get(line - 1).contains("=") ? lines.get(line - 1).substring(lines.get(line - 1).indexOf('=') + 1)
                        .replaceFirst("\\s+#.*$", "").strip() : v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
