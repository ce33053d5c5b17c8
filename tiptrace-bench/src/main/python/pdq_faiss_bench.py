#!/usr/bin/python3
"""FAISS half of the PDQ side-by-side benchmark (see docs/benchmarks-pdq.md).

Reads a data file written by org.tiptrace.bench.pdq.PdqBenchData, builds FAISS
IndexBinaryFlat and IndexBinaryMultiHash(256, 16, 16) with nflip = radius // 16,
runs range_search with radius + 1 (FAISS's radius is exclusive) at each thread
count, and checks that every engine, including the Java result files given with
--compare, returns the identical set of (query, row, distance).

Usage:
  /usr/bin/python3 pdq_faiss_bench.py DATA --radius 31 --threads 1,2 \
      --outdir /tmp/pdq-out [--engines flat,mih] [--save] [--compare FILE ...]

With --save each FAISS result set is written to OUTDIR (10 M: the MIH build takes
about half an hour, so it can run before the Java side); a later run with
--engines none --compare OUTDIR/faiss-mih-d31.txt JAVA_FILE ... checks identity.
"""
import argparse
import os
import statistics
import struct
import sys
import time

import faiss
import numpy as np

MAGIC = b"TTPDQBEN"


def read_data(path):
    with open(path, "rb") as f:
        header = f.read(32)
        magic, version, kind, seed, n, q = struct.unpack("<8siiqii", header)
        if magic != MAGIC or version != 1:
            sys.exit(f"{path}: not a version-1 PDQ benchmark data file")
        codes = np.frombuffer(f.read(32 * n), dtype=np.uint8).reshape(n, 32)
        queries = np.frombuffer(f.read(32 * q), dtype=np.uint8).reshape(q, 32)
    return ("UNIFORM", "CLUSTERED")[kind], seed, codes, queries


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def build(engine, codes, radius):
    if engine == "flat":
        index = faiss.IndexBinaryFlat(256)
    elif engine == "mih":
        index = faiss.IndexBinaryMultiHash(256, 16, 16)
        index.nflip = radius // 16
    else:
        sys.exit(f"unknown engine {engine}")
    index.add(codes)
    return index


def results_of(index, queries, radius):
    lims, dist, ids = index.range_search(queries, radius + 1)
    out = set()
    for qi in range(len(queries)):
        for k in range(lims[qi], lims[qi + 1]):
            out.add((qi, int(ids[k]), int(dist[k])))
    return out


def read_results(path):
    out = set()
    with open(path) as f:
        for line in f:
            q, i, d = line.split()
            out.add((int(q), int(i), int(d)))
    return out


def write_results(found, path):
    # Same line format as PdqSideBySide's files (query row distance), sorted.
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for q, i, d in sorted(found):
            f.write(f"{q} {i} {d}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--radius", type=int, default=31)
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--engines", default="flat,mih")
    ap.add_argument("--outdir", default=".")
    ap.add_argument("--max-seconds", type=float, default=10.0)
    ap.add_argument("--compare", nargs="*", default=[])
    ap.add_argument(
        "--save",
        action="store_true",
        help="write each FAISS result set to OUTDIR/faiss-ENGINE-dRADIUS.txt, so a later run with"
        " --engines none can compare it with Java result files written afterwards",
    )
    args = ap.parse_args()

    kind, seed, codes, queries = read_data(args.data)
    n, nq = len(codes), len(queries)
    print(f"faiss={faiss.__version__} numpy={np.__version__} kind={kind} seed={seed} n={n} queries={nq}")
    sets = {}
    engines = [] if args.engines == "none" else args.engines.split(",")
    for engine in engines:
        before = rss_bytes()
        t0 = time.perf_counter()
        index = build(engine, codes, args.radius)
        build_s = time.perf_counter() - t0
        mem = rss_bytes() - before
        found = results_of(index, queries, args.radius)
        sets["faiss-" + engine] = found
        if args.save:
            write_results(found, os.path.join(args.outdir, f"faiss-{engine}-d{args.radius}.txt"))
        for t in [int(x) for x in args.threads.split(",")]:
            faiss.omp_set_num_threads(t)
            index.range_search(queries[: min(nq, 200)], args.radius + 1)  # warm-up
            runs, cpu_runs = [], []
            deadline = time.perf_counter() + args.max_seconds
            while len(runs) < 5 and (not runs or time.perf_counter() < deadline):
                t1, c1 = time.perf_counter(), time.process_time()
                index.range_search(queries, args.radius + 1)
                runs.append(nq / (time.perf_counter() - t1))
                cpu_runs.append(nq / (time.process_time() - c1))
            print(
                f"engine=faiss-{engine} kind={kind} n={n} queries={nq} radius={args.radius} "
                f"threads={t} build_s={build_s:.3f} rss_bytes_per_hash={mem / n:.1f} "
                f"qps={statistics.median(runs):.1f} cpu_qps={statistics.median(cpu_runs):.1f} runs={len(runs)} matches={len(found)}"
            )
        del index
    for path in args.compare:
        sets[os.path.basename(path)] = read_results(path)
    names = list(sets)
    ref = sets[names[0]]
    ok = True
    for name in names[1:]:
        same = sets[name] == ref
        ok &= same
        print(
            f"identical {names[0]} vs {name}: {same}"
            + ("" if same else f" (only left {len(ref - sets[name])}, only right {len(sets[name] - ref)})")
        )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
