package ssi.guest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/**
 * A fresh context made into a process of its language's conventions (the {@code ssi} module,
 * virtual clocks, seeded random numbers, argv; Node's {@code process}, {@code console}, timers and
 * built-ins; CPython's {@code sys.argv} and {@code sys.path}), and its program ready to run. The
 * prelude's own code is internal: none of its statements count as the guest's work.
 */
final class Prelude {
    /** How Node wraps a CommonJS module: its scope's names as a function's parameters. */
    private static final String CJS_HEAD = "(function (exports, require, module, __filename, __dirname) {";

    private final Context context;
    private final GuestProgram program;
    private final Value runtime;  // the prelude's side: running the program, describing its errors
    private Value wrapper;        // a CommonJS main module, parsed before its first slice
    private Source module;        // an ES-module main, or a Python program
    private PolyglotException unparsable; // a CommonJS main module's syntax error, reported when it runs

    private Prelude(Context context, GuestProgram program, Value runtime) {
        this.context = context;
        this.program = program;
        this.runtime = runtime;
    }

    /**
     * Installs the prelude with its system calls ({@code binding}) and prepares the program (a syntax
     * error in a CommonJS main shows when it runs); nothing of the program runs yet.
     */
    static Prelude install(Context context, GuestProgram program, Object binding, org.graalvm.polyglot.io.FileSystem files) {
        String file = switch (program.language()) {
            case JS -> "prelude.js";
            case PYTHON -> "prelude.py";
        };
        Value install = context.eval(Source.newBuilder(program.language().id(), GuestProcess.resource(file), "<ssi>").internal(true)
                .cached(true).buildLiteral());
        Prelude p = new Prelude(context, program, install.execute(binding));
        p.prepare(files);
        return p;
    }

    private void prepare(org.graalvm.polyglot.io.FileSystem files) {
        Source.Builder source = Source.newBuilder(program.language().id(), new File(program.path()));
        if (program.language() == Language.JS && !isModule(files)) {
            // Node's module scope for the main module too; evaluated now, so that its one statement is not the program's work
            try {
                wrapper = context.eval(source.content(CJS_HEAD + hashbangAsComment(program.source()) + "\n})").buildLiteral());
            } catch (PolyglotException e) {
                if (!e.isSyntaxError()) {
                    throw e;
                }
                unparsable = e;
            }
        } else if (program.language() == Language.JS) {
            module = source.content(program.source()).mimeType("application/javascript+module").buildLiteral();
        } else {
            module = source.content(program.source()).buildLiteral();
        }
    }

    /** An ES module: a {@code .mjs} file, or a {@code .js} file in a package whose {@code package.json} says {@code "type": "module"}. */
    private boolean isModule(org.graalvm.polyglot.io.FileSystem files) {
        String path = program.path();
        if (path.endsWith(".mjs") || path.endsWith(".cjs")) {
            return path.endsWith(".mjs");
        }
        for (String dir = program.directory(); ; dir = dir.substring(0, Math.max(1, dir.lastIndexOf('/')))) {
            java.nio.file.Path json = files.parsePath((dir.equals("/") ? "" : dir) + "/package.json");
            try (var c = files.newByteChannel(json, java.util.Set.of(java.nio.file.StandardOpenOption.READ))) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) Math.min(c.size(), 1 << 20));
                while (buf.hasRemaining() && c.read(buf) > 0) {
                    // the whole package.json
                }
                return runtime.invokeMember("isModulePackage", new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8)).asBoolean();
            } catch (IOException | RuntimeException e) {
                // no package.json here: Node looks in the folder above
            }
            if (dir.equals("/")) {
                return false;
            }
        }
    }

    private static String hashbangAsComment(String source) {
        return source.startsWith("#!") ? "//" + source.substring(2) : source;
    }

    /** Runs the program to its end (its event loop too, in JavaScript); returns its exit status. */
    int run() {
        if (program.language() == Language.PYTHON) {
            context.eval(module);
            return 0;
        }
        if (unparsable != null) {
            throw unparsable;
        }
        if (wrapper != null) {
            runtime.invokeMember("main", wrapper, program.path(), program.directory());
        } else {
            context.eval(module);
        }
        while (runtime.invokeMember("step").asBoolean()) {
            // each turn a host call of its own, so that the promise jobs it queued run before the next
        }
        return runtime.invokeMember("status").asInt();
    }

    /** Where a guest error was thrown: the innermost frame of the program's own code (not the prelude's, nor a built-in's stub). */
    private static SourceSection where(PolyglotException e) {
        SourceSection at = e.getSourceLocation();
        if (isProgram(at)) {
            return at;
        }
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (f.isGuestFrame() && isProgram(f.getSourceLocation())) {
                return f.getSourceLocation();
            }
        }
        return null;
    }

    private static boolean isProgram(SourceSection s) {
        return s != null && !s.getSource().isInternal() && s.getSource().getPath() != null
                && !s.getSource().getPath().startsWith(NodeCore.DIRECTORY);
    }

    /**
     * An uncaught error as the language's own runtime prints it: Python's traceback, or Node's
     * report (where it was thrown, that line, the error's stack).
     */
    String describe(PolyglotException e) {
        Value thrown = e.isGuestException() ? e.getGuestObject() : null;
        if (program.language() == Language.PYTHON && thrown != null && !thrown.isNull()) {
            return runtime.invokeMember("describe", thrown).asString();
        }
        StringBuilder b = new StringBuilder();
        SourceSection at = where(e);
        if (at != null) { // Node's report starts with the line that threw, and a caret under where
            int line = at.getStartLine();
            b.append(at.getSource().getPath()).append(':').append(line).append('\n');
            if (line <= at.getSource().getLineCount()) {
                String text = at.getSource().getCharacters(line).toString();
                int column = at.getStartColumn() - 1;
                if (line == 1 && text.startsWith(CJS_HEAD)) {
                    text = text.substring(CJS_HEAD.length());
                    column -= CJS_HEAD.length();
                }
                b.append(text).append('\n').append(" ".repeat(Math.max(0, Math.min(column, text.length())))).append("^\n\n");
            }
        }
        if (program.language() == Language.JS && thrown != null && !e.isSyntaxError()) {
            return b.append(runtime.invokeMember("describe", thrown).asString()).append('\n').toString();
        }
        if (e.isHostException() && e.asHostException() instanceof SyscallException refused) { // a refusal no binding translated: its own words
            return b.append(refused.getMessage()).append('\n').toString();
        }
        return b.append(syntaxMessage(e, at)).append('\n').toString();
    }

    /**
     * GraalJS's syntax error without the quoted line the report already shows, and without its
     * "file:line:column" when the report's first line says where already.
     */
    private static String syntaxMessage(PolyglotException e, SourceSection at) {
        String m = e.getMessage().lines().findFirst().orElse("");
        java.util.regex.Matcher where = java.util.regex.Pattern.compile("^(?:SyntaxError: )?(\\S+):(\\d+):\\d+ (.*)$").matcher(m);
        if (e.isSyntaxError() && where.matches() && at != null && at.getSource().getPath().endsWith("/" + where.group(1))
                && at.getStartLine() == Integer.parseInt(where.group(2))) {
            return "SyntaxError: " + where.group(3);
        }
        return m;
    }
}
