VALUE = 42


def fail():
    raise ValueError('late failure')
