package ssi.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The shell's commands on the cluster's files, as its node sees them: ls, cat, echo, cp, mv, rm, mkdir, cd, pwd. */
final class FileCommands {
    private FileCommands() {}

    @Command(name = "ls", description = "List a directory of the cluster's files: /bin, /home, /tmp, /mfs/NODE.")
    static final class Ls implements Callable<Integer> {
        private final Shell shell;

        @Parameters(arity = "0..1", paramLabel = "PATH", description = "default: the shell's directory")
        String path;

        Ls(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws java.io.IOException {
            shell.files().list(shell.resolve(path == null ? "." : path)).forEach(shell.out()::println);
            return 0;
        }
    }

    @Command(name = "cat", description = "Print a file of the cluster.")
    static final class Cat implements Callable<Integer> {
        private final Shell shell;

        @Parameters(paramLabel = "PATH")
        String path;

        Cat(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws java.io.IOException {
            String text = new String(shell.files().read(shell.resolve(path)), java.nio.charset.StandardCharsets.UTF_8);
            shell.out().print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
            return 0;
        }
    }

    @Command(name = "echo", description = "Print text, or write it to a file: echo TEXT > FILE, echo TEXT >> FILE (append).")
    static final class Echo implements Callable<Integer> {
        private final Shell shell;

        @Parameters(arity = "0..*", paramLabel = "TEXT")
        List<String> words = new ArrayList<>();

        Echo(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws java.io.IOException {
            int redirect = Math.max(words.indexOf(">"), words.indexOf(">>"));
            if (redirect < 0) {
                shell.out().println(String.join(" ", words));
                return 0;
            }
            if (redirect != words.size() - 2) {
                throw new IllegalArgumentException("want: echo TEXT > FILE (the file last, after a separate > or >>)");
            }
            String text = String.join(" ", words.subList(0, redirect)) + "\n";
            shell.files().write(shell.resolve(words.getLast()), text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    words.get(redirect).equals(">>"));
            return 0;
        }
    }

    @Command(name = "cp", description = "Copy a file.")
    static final class Cp implements Callable<Integer> {
        private final Shell shell;

        @Parameters(index = "0", paramLabel = "FROM")
        String from;

        @Parameters(index = "1", paramLabel = "TO")
        String to;

        Cp(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws java.io.IOException {
            shell.files().write(shell.resolve(to), shell.files().read(shell.resolve(from)), false);
            return 0;
        }
    }

    @Command(name = "mv", description = "Rename a file or directory.")
    static final class Mv implements Callable<Integer> {
        private final Shell shell;

        @Parameters(index = "0", paramLabel = "FROM")
        String from;

        @Parameters(index = "1", paramLabel = "TO")
        String to;

        Mv(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws java.io.IOException {
            shell.files().move(shell.resolve(from), shell.resolve(to));
            return 0;
        }
    }

    @Command(name = "rm", description = "Remove a file or an empty directory.")
    static final class Rm implements Callable<Integer> {
        private final Shell shell;

        @Parameters(paramLabel = "PATH")
        String path;

        Rm(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws java.io.IOException {
            shell.files().delete(shell.resolve(path));
            return 0;
        }
    }

    @Command(name = "mkdir", description = "Make a directory.")
    static final class Mkdir implements Callable<Integer> {
        private final Shell shell;

        @Parameters(paramLabel = "PATH")
        String path;

        Mkdir(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws java.io.IOException {
            shell.files().mkdir(shell.resolve(path));
            return 0;
        }
    }

    @Command(name = "cd", description = "Change the shell's directory (default /).")
    static final class Cd implements Callable<Integer> {
        private final Shell shell;

        @Parameters(arity = "0..1", paramLabel = "PATH")
        String path = "/";

        Cd(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws java.io.IOException {
            String target = shell.resolve(path);
            shell.files().requireDirectory(target);
            shell.cd(target);
            return 0;
        }
    }

    @Command(name = "pwd", description = "Print the shell's directory.")
    static final class Pwd implements Callable<Integer> {
        private final Shell shell;

        Pwd(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() {
            shell.out().println(shell.cwd());
            return 0;
        }
    }
}
