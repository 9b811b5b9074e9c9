# JSON tokenizer: turns text into tokens (punctuation, strings, numbers, literals).


class Token:
    __slots__ = ("type", "value", "pos")

    def __init__(self, type_, value, pos):
        self.type = type_  # one of { } [ ] : , string number true false null eof
        self.value = value
        self.pos = pos


class JsonError(Exception):
    pass


ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
WHITESPACE = frozenset(" \t\r\n")
PUNCTUATION = frozenset("{}[]:,")
DIGITS = frozenset("0123456789")


class Lexer:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def fail(self, msg):
        raise JsonError(f"{msg} at offset {self.pos}")

    def next(self):
        text = self.text
        n = len(text)
        while self.pos < n and text[self.pos] in WHITESPACE:
            self.pos += 1
        start = self.pos
        if start >= n:
            return Token("eof", None, start)
        ch = text[start]
        if ch in PUNCTUATION:
            self.pos += 1
            return Token(ch, ch, start)
        if ch == '"':
            return Token("string", self.string(), start)
        if ch == "-" or ch in DIGITS:
            return Token("number", self.number(), start)
        for word in ("true", "false", "null"):
            if text.startswith(word, start):
                self.pos += len(word)
                return Token(word, word, start)
        self.fail(f"unexpected character {ch!r}")

    def string(self):
        text = self.text
        parts = []
        i = self.pos + 1
        run = i
        while True:
            if i >= len(text):
                self.fail("unterminated string")
            ch = text[i]
            if ch == '"':
                break
            if ch == "\\":
                parts.append(text[run:i])
                e = text[i + 1:i + 2]
                if e == "u":
                    parts.append(chr(int(text[i + 2:i + 6], 16)))
                    i += 6
                elif e in ESCAPES:
                    parts.append(ESCAPES[e])
                    i += 2
                else:
                    self.pos = i
                    self.fail("bad escape")
                run = i
            else:
                i += 1
        parts.append(text[run:i])
        self.pos = i + 1
        return "".join(parts)

    def number(self):
        text = self.text
        n = len(text)
        start = i = self.pos

        def digits(i):
            j = i
            while j < n and text[j] in DIGITS:
                j += 1
            if j == i:
                self.pos = i
                self.fail("digit expected")
            return j

        if text[i] == "-":
            i += 1
        i = digits(i)
        if i < n and text[i] == ".":
            i = digits(i + 1)
        if i < n and text[i] in "eE":
            i += 1
            if i < n and text[i] in "+-":
                i += 1
            i = digits(i)
        self.pos = i
        return text[start:i]
