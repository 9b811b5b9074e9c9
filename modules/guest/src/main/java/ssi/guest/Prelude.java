package ssi.guest;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/** Prepares a fresh context: the {@code ssi} module, virtual clocks, seeded random numbers, argv. */
final class Prelude {
    private Prelude() {}

    static void install(Context context, GuestProcess process) {
        Language language = process.program().language();
        String file = switch (language) {
            case JS -> "prelude.js";
            case PYTHON -> "prelude.py";
        };
        // Internal: the prelude's own statements, run later through the wrappers, are not guest work.
        Value install = context.eval(Source.newBuilder(language.id(), GuestProcess.resource(file), "<ssi>").internal(true).buildLiteral());
        install.execute(new SsiBinding(process));
    }
}
