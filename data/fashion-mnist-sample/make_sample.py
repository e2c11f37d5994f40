#!/usr/bin/env python3
"""Writes the embedded Fashion-MNIST sample: the first 300 training images of each class and the
first 100 test images of each class, in file order, as gzipped IDX files.

Usage: python3 make_sample.py [SOURCE_DIR [OUTPUT_DIR]]
  SOURCE_DIR  the full dataset (default /usr/share/datasets/fashion-mnist, Debian package
              dataset-fashion-mnist); files may be gzipped or raw
  OUTPUT_DIR  where the sample goes (default: the folder of this script)

The output is deterministic: gzip headers carry no file name and mtime 0.
"""
import gzip
import os
import struct
import sys

CLASSES = 10
PER_CLASS = {"train": 300, "t10k": 100}
IMAGE_MAGIC = 2051
LABEL_MAGIC = 2049


def read_bytes(directory, name):
    for candidate in (name + ".gz", name):
        path = os.path.join(directory, candidate)
        if os.path.exists(path):
            with open(path, "rb") as f:
                data = f.read()
            return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    sys.exit("missing %s(.gz) in %s" % (name, directory))


def read_split(directory, prefix):
    images = read_bytes(directory, prefix + "-images-idx3-ubyte")
    labels = read_bytes(directory, prefix + "-labels-idx1-ubyte")
    magic, count, rows, cols = struct.unpack(">IIII", images[:16])
    if magic != IMAGE_MAGIC or len(images) != 16 + count * rows * cols:
        sys.exit("bad image file for " + prefix)
    label_magic, label_count = struct.unpack(">II", labels[:8])
    if label_magic != LABEL_MAGIC or label_count != count or len(labels) != 8 + count:
        sys.exit("bad label file for " + prefix)
    size = rows * cols
    return [(labels[8 + i], images[16 + i * size:16 + (i + 1) * size]) for i in range(count)], rows, cols


def take_first_per_class(examples, per_class):
    taken = [0] * CLASSES
    chosen = []
    for label, pixels in examples:
        if taken[label] < per_class:
            taken[label] += 1
            chosen.append((label, pixels))
    if taken != [per_class] * CLASSES:
        sys.exit("not enough examples per class: %s" % taken)
    return chosen


def write_gzip(path, payload):
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f:
            f.write(payload)


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
    for prefix, per_class in PER_CLASS.items():
        examples, rows, cols = read_split(source, prefix)
        chosen = take_first_per_class(examples, per_class)
        images = struct.pack(">IIII", IMAGE_MAGIC, len(chosen), rows, cols)
        images += b"".join(pixels for _, pixels in chosen)
        labels = struct.pack(">II", LABEL_MAGIC, len(chosen)) + bytes(label for label, _ in chosen)
        write_gzip(os.path.join(output, prefix + "-images-idx3-ubyte.gz"), images)
        write_gzip(os.path.join(output, prefix + "-labels-idx1-ubyte.gz"), labels)
        print("%s: %d images (%d per class)" % (prefix, len(chosen), per_class))


if __name__ == "__main__":
    main()
