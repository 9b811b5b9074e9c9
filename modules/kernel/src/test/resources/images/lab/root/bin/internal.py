# GraalPy fails inside on this call, past any except (its own bug): told as an internal error, never in Java's words.
import _io
_io.open(2**40)
