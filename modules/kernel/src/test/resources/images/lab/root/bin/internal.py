# GraalPy fails inside on this call, past any except (its own bug): an internal error, with a report for ssi's developers.
import _io
_io.open(2**40)
