#!/usr/bin/env python3
"""Stems words with Debian's libstemmer (the library the generator links): one word per line on
standard input, "word<TAB>stem" per line on standard output. Used by stem_test.mjs to compare
site-assets/js/stem-nl.js with the real thing.

    python3 libstemmer_stems.py [algorithm] < words.txt
"""
import ctypes
import ctypes.util
import sys


def main():
    algorithm = sys.argv[1] if len(sys.argv) > 1 else "dutch"
    name = ctypes.util.find_library("stemmer") or "libstemmer.so.0d"
    lib = ctypes.CDLL(name)
    lib.sb_stemmer_new.restype = ctypes.c_void_p
    lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    lib.sb_stemmer_stem.restype = ctypes.POINTER(ctypes.c_ubyte)
    lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.sb_stemmer_length.restype = ctypes.c_int
    lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
    stemmer = lib.sb_stemmer_new(algorithm.encode(), None)
    if not stemmer:
        sys.exit(f"libstemmer has no algorithm {algorithm!r}")
    out = []
    for line in sys.stdin.buffer:
        word = line.rstrip(b"\n")
        if not word:
            continue
        result = lib.sb_stemmer_stem(stemmer, word, len(word))
        stem = ctypes.string_at(result, lib.sb_stemmer_length(stemmer))
        out.append(word + b"\t" + stem + b"\n")
    sys.stdout.buffer.write(b"".join(out))


if __name__ == "__main__":
    main()
