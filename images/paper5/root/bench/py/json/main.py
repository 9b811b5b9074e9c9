# Benchmark "json": generates JSON texts, parses them with a hand-written parser, pretty-prints and re-parses them.
# usage: main.py [DOCUMENTS]   (default 3000)
import sys

from generate import DocumentGenerator
from parser import Parser, Printer
from benchrng import Checksum, Lcg


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    gen = DocumentGenerator(Lcg(7))
    compact = Printer(0)
    pretty = Printer(2)
    check = Checksum()
    nodes = in_chars = out_chars = lines = 0

    for k in range(count):
        text = gen.document(1000)
        tree = Parser(text).parse_document()
        printed = pretty.print(tree)
        again = Parser(printed).parse_document()
        if not tree.equals(again) or compact.print(again) != text:
            print(f"self-check failed: document {k} does not round-trip", file=sys.stderr)
            sys.exit(1)
        nodes += tree.count()
        in_chars += len(text)
        out_chars += len(printed)
        lines += printed.count("\n") + 1
        check.add(len(printed)).add(tree.count())
        if k % 100 == 0:
            check.add_string(printed)
        if k == 0:
            print(f"first document: {text[:80]}...")

    print(f"json: {count} documents, {nodes} nodes, {in_chars} chars in, {out_chars} chars pretty, {lines} lines")
    print(f"checksum {check.value}")


main()
