package ssi.api;

import java.util.Map;

/**
 * A policy plugin, found by {@link java.util.ServiceLoader} (on the module path or in a module
 * layer loaded at run time) and picked by name: {@code policy use NAME key=value ...}.
 */
public interface PolicyProvider {
    /** The name users pick it by, e.g. {@code mosix}. */
    String name();

    /**
     * A policy with these settings (unknown keys and bad values are refused).
     *
     * @throws PolicyException naming the setting that is wrong and why
     */
    Policy create(Map<String, String> settings) throws PolicyException;
}
