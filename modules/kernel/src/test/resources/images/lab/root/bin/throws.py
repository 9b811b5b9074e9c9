def inner():
    raise ValueError("bad value")
inner()
