def greet(who):
    return 'hello ' + who + ' from pyapp'
