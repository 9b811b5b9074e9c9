# A CPython-style program: sibling modules, a package with relative imports, a library of the image, argv, stdin, exit status.
import sys
import helpers
from shapes import area, Square
import labutil

print(helpers.greet(sys.argv[1] if len(sys.argv) > 1 else 'nobody'), __name__, __file__)
print('area', area(3), Square(2).area(), labutil.VERSION)
acc = 0
for i in range(200000):
    acc = (acc * 31 + i) % 1000003
import late  # loaded after the test migrated the process: through its deputy, from its home's disk
print('late', late.VALUE, 'on', ssi.where(), 'acc', acc)
print('read', input())
if len(sys.argv) > 2 and sys.argv[2] == 'exit':
    sys.exit(3)
if len(sys.argv) > 2 and sys.argv[2] == 'raise':
    late.fail()
