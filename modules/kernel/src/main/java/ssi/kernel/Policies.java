package ssi.kernel;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import ssi.api.PolicyException;
import ssi.api.PolicyProvider;
import ssi.scheduler.Plugins;

/**
 * The policy plugins the cluster can use, by name: those on the module path (found by
 * {@link ServiceLoader}), those added by the embedding program, and those loaded at run time from
 * a directory as a module layer of their own, which {@link #unload} drops with every reference.
 */
public final class Policies {
    /** The built-in name for no automatic migration at all. */
    public static final String NONE = Plugins.NONE;

    private final Map<String, PolicyProvider> providers = new TreeMap<>();
    private final Map<String, ModuleLayer> layers = new TreeMap<>(); // plugin name -> the layer it came in

    /** No plugins yet: add them with {@link #register} or {@link #load}. */
    public Policies() {}

    /** The plugins on the module path. */
    public static Policies discover() {
        Policies p = new Policies();
        for (PolicyProvider provider : ServiceLoader.load(PolicyProvider.class)) {
            p.providers.putIfAbsent(provider.name(), provider);
        }
        return p;
    }

    /** Adds a plugin given by the embedding program (a test, a tool). */
    public synchronized void register(PolicyProvider provider) throws KernelException {
        if (providers.containsKey(provider.name()) || provider.name().equals(NONE)) {
            throw new KernelException("a policy named '" + provider.name() + "' is already loaded");
        }
        providers.put(provider.name(), provider);
    }

    /**
     * Loads the plugin modules in a directory (modular jars or exploded modules) as a new module
     * layer; returns the names of the policies they provide.
     */
    public synchronized List<String> load(Path dir) throws KernelException {
        if (!Files.isDirectory(dir)) {
            throw new KernelException("no directory " + dir);
        }
        ModuleFinder finder = ModuleFinder.of(dir);
        Set<String> roots;
        try {
            roots = finder.findAll().stream().map(r -> r.descriptor().name()).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            throw new KernelException("cannot read modules in " + dir + ": " + e.getMessage());
        }
        if (roots.isEmpty()) {
            throw new KernelException("no modules in " + dir);
        }
        ModuleLayer layer;
        try {
            ModuleLayer parent = ModuleLayer.boot();
            Configuration config = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
            layer = parent.defineModulesWithOneLoader(config, ClassLoader.getSystemClassLoader());
        } catch (RuntimeException e) {
            throw new KernelException("cannot load the modules in " + dir + ": " + e.getMessage());
        }
        List<PolicyProvider> found = new ArrayList<>();
        for (PolicyProvider provider : ServiceLoader.load(layer, PolicyProvider.class)) {
            if (provider.getClass().getModule().getLayer() == layer) {
                found.add(provider);
            }
        }
        if (found.isEmpty()) {
            throw new KernelException("no policy plugin in " + dir + " (modules: " + String.join(", ", roots) + ")");
        }
        for (PolicyProvider provider : found) {
            if (providers.containsKey(provider.name())) {
                throw new KernelException("a policy named '" + provider.name() + "' is already loaded");
            }
        }
        for (PolicyProvider provider : found) {
            providers.put(provider.name(), provider);
            layers.put(provider.name(), layer);
        }
        return found.stream().map(PolicyProvider::name).toList();
    }

    /** Drops a plugin loaded from a directory; the layer goes when none of its plugins is left. */
    public synchronized void unload(String name) throws KernelException {
        if (!layers.containsKey(name)) {
            throw new KernelException(providers.containsKey(name)
                    ? "'" + name + "' is on the module path: only plugins loaded with 'policy load' can be unloaded"
                    : "no policy '" + name + "'");
        }
        layers.remove(name);
        providers.remove(name);
    }

    public synchronized List<String> names() {
        List<String> names = new ArrayList<>(providers.keySet());
        names.add(NONE);
        return names;
    }

    /** The plugins as the balancer looks them up: one that is missing is refused in the same words. */
    Plugins plugins() {
        return name -> {
            try {
                return provider(name);
            } catch (KernelException e) {
                throw new PolicyException(e.getMessage());
            }
        };
    }

    /** A plugin by name; {@link #NONE} has none. */
    public synchronized PolicyProvider provider(String name) throws KernelException {
        PolicyProvider p = providers.get(name);
        if (p == null) {
            throw new KernelException("no policy '" + name + "' (loaded: " + String.join(", ", names()) + ")");
        }
        return p;
    }
}
