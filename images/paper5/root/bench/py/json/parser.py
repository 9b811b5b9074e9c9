# Recursive-descent JSON parser building JNode trees, and a compact / indented printer.
from lexer import Lexer
from nodes import JArray, JBool, JNull, JNumber, JObject, JString


class Parser:
    def __init__(self, text):
        self.lexer = Lexer(text)
        self.token = self.lexer.next()

    def advance(self):
        t = self.token
        self.token = self.lexer.next()
        return t

    def expect(self, type_):
        if self.token.type != type_:
            self.lexer.fail(f"expected {type_}, got {self.token.type}")
        return self.advance()

    def parse_document(self):
        value = self.parse_value()
        self.expect("eof")
        return value

    def parse_value(self):
        t = self.advance()
        kind = t.type
        if kind == "{":
            return self.parse_object()
        if kind == "[":
            return self.parse_array()
        if kind == "string":
            return JString(t.value)
        if kind == "number":
            return JNumber(t.value)
        if kind == "true":
            return JBool(True)
        if kind == "false":
            return JBool(False)
        if kind == "null":
            return JNull()
        self.lexer.fail(f"unexpected {kind}")

    def parse_object(self):
        obj = JObject()
        if self.token.type == "}":
            self.advance()
            return obj
        while True:
            key = self.expect("string").value
            self.expect(":")
            obj.set(key, self.parse_value())
            if self.advance().type == "}":
                return obj
            if self.token.type == "eof":
                self.lexer.fail("unterminated object")

    def parse_array(self):
        arr = JArray()
        if self.token.type == "]":
            self.advance()
            return arr
        while True:
            arr.items.append(self.parse_value())
            t = self.advance()
            if t.type == "]":
                return arr
            if t.type != ",":
                self.lexer.fail("expected , or ]")


def quote(s):
    out = ['"']
    for ch in s:
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


class Printer:
    """Prints a tree; indent 0 gives compact output."""

    def __init__(self, indent):
        self.indent = indent
        self.parts = []

    def print(self, node):
        self.parts = []
        self.emit(node, 0)
        return "".join(self.parts)

    def newline(self, depth):
        if self.indent > 0:
            self.parts.append("\n" + " " * (self.indent * depth))

    def emit(self, node, depth):
        p = self.parts
        if isinstance(node, JObject):
            if not node.members:
                p.append("{}")
                return
            p.append("{")
            for i, (k, v) in enumerate(node.members.items()):
                if i > 0:
                    p.append(",")
                self.newline(depth + 1)
                p.append(quote(k))
                p.append(": " if self.indent > 0 else ":")
                self.emit(v, depth + 1)
            self.newline(depth)
            p.append("}")
        elif isinstance(node, JArray):
            if not node.items:
                p.append("[]")
                return
            p.append("[")
            for i, v in enumerate(node.items):
                if i > 0:
                    p.append(",")
                self.newline(depth + 1)
                self.emit(v, depth + 1)
            self.newline(depth)
            p.append("]")
        elif isinstance(node, JString):
            p.append(quote(node.value))
        elif isinstance(node, JNumber):
            p.append(node.text)
        elif isinstance(node, JBool):
            p.append("true" if node.value else "false")
        else:
            p.append("null")
