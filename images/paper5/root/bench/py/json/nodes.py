# Node classes of the hand-written JSON document model.


class JNode:
    def equals(self, other):
        return type(self) is type(other)

    def count(self):
        return 1


class JNull(JNode):
    pass


class JBool(JNode):
    def __init__(self, value):
        self.value = value

    def equals(self, other):
        return super().equals(other) and self.value == other.value


class JNumber(JNode):
    """Numbers keep their source text so printing round-trips exactly."""

    def __init__(self, text):
        self.text = text
        self.value = float(text)

    def equals(self, other):
        return super().equals(other) and self.text == other.text


class JString(JNode):
    def __init__(self, value):
        self.value = value

    def equals(self, other):
        return super().equals(other) and self.value == other.value


class JArray(JNode):
    def __init__(self, items=None):
        self.items = items if items is not None else []

    def equals(self, other):
        return (super().equals(other) and len(self.items) == len(other.items)
                and all(x.equals(y) for x, y in zip(self.items, other.items)))

    def count(self):
        return 1 + sum(x.count() for x in self.items)


class JObject(JNode):
    def __init__(self):
        self.members = {}

    def set(self, key, node):
        self.members[key] = node
        return self

    def equals(self, other):
        if not super().equals(other) or len(self.members) != len(other.members):
            return False
        for k, v in self.members.items():
            w = other.members.get(k)
            if w is None or not v.equals(w):
                return False
        return True

    def count(self):
        return 1 + sum(v.count() for v in self.members.values())
