# Tries one way out of the sandbox, named by the first argument.
import os, socket, sys
attempts = {
    "hostFile": lambda: open("/etc/passwd").read(),
    "listdir": lambda: os.listdir("/etc"),
    "socket": lambda: socket.create_connection(("localhost", 22)),
    "subprocess": lambda: os.system("true"),
    "javaImport": lambda: __import__("java").type("java.lang.System"),
    "polyglot": lambda: __import__("polyglot").eval(language="js", string="1"),
    "thread": lambda: __import__("threading").Thread(target=print).start(),
}
name = ssi.args[0]
try:
    attempts[name]()
    print(f"{name}: ALLOWED")
except BaseException as e:
    print(f"{name}: refused")
