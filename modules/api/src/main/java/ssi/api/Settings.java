package ssi.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads a policy's {@code key=value} settings, refusing unknown keys and bad numbers by name. */
public final class Settings {
    private final String policy;
    private final Map<String, String> values;
    private final Set<String> known = new TreeSet<>();

    public Settings(String policy, Map<String, String> values) {
        this.policy = policy;
        this.values = new HashMap<>(values);
    }

    /** A number setting, with its default and its lowest allowed value. */
    public double number(String key, double dflt, double min) throws PolicyException {
        known.add(key);
        String v = values.remove(key);
        if (v == null) {
            return dflt;
        }
        double d;
        try {
            d = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new PolicyException(policy + ": setting '" + key + "' must be a number, got '" + v + "'");
        }
        if (!(d >= min) || Double.isInfinite(d)) {
            throw new PolicyException(policy + ": setting '" + key + "' must be at least " + min + ", got " + v);
        }
        return d;
    }

    /** Call after reading every setting: refuses keys the policy does not know. */
    public void done() throws PolicyException {
        if (!values.isEmpty()) {
            throw new PolicyException(policy + ": unknown setting(s) " + new TreeSet<>(values.keySet())
                    + (known.isEmpty() ? " (it takes none)" : " (known: " + String.join(", ", known) + ")"));
        }
    }
}
