package ssi.scheduler;

import ssi.api.PolicyException;
import ssi.api.PolicyProvider;

/** The policy plugins by name, as the kernel finds them (on the module path, or loaded since). */
public interface Plugins {
    /** The name for no automatic migration at all: no plugin has it. */
    String NONE = "none";

    /** A plugin by name; refused, saying which are loaded, if there is none. */
    PolicyProvider provider(String name) throws PolicyException;
}
