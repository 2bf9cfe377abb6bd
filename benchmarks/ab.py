#!/usr/bin/env python3
"""Two builds of the sample side by side: an earlier jar against the current build, on one seeded database.

Usage: python3 benchmarks/ab.py <jar of the earlier build>
       (build the earlier one first, e.g. git worktree add /tmp/before <commit> && (cd /tmp/before &&
        ./mvnw -q -pl sample-app -am package -DskipTests); then pass /tmp/before/sample-app/target/crudkit-sample-app-*.jar)

Builds the current sample, starts the benchmark's own PostgreSQL (run.py's), seeds it through the current build,
starts both jars on the same database, warms each on each endpoint (WARMUP_RUNS x 10 s), then measures the two
alternately (AB_ROUNDS x 10 s each, wrk -c16) and prints the medians and their ratio. Reads only: the seeded rows
stay as they are. For a change whose effect the full run.py would take an hour to show.
"""
import glob
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402

WARMUP_RUNS = int(os.environ.get("WARMUP_RUNS", "6"))
AB_ROUNDS = int(os.environ.get("AB_ROUNDS", "4"))


def main():
    if len(sys.argv) != 2 or not glob.glob(sys.argv[1]):
        raise SystemExit(__doc__)
    os.chdir(bench.ROOT)
    bench.JARS["before"] = os.path.abspath(glob.glob(sys.argv[1])[0])
    bench.PORTS["before"] = 18083
    bench.run(["./mvnw", "-B", "-q", "-pl", "sample-app", "-am", "package", "-DskipTests"])
    data = bench.start_postgres()
    apps = []
    try:
        bench.psql("postgres", "create database bench_sample")
        after = bench.App("sample", "bench_sample")
        after.start()
        apps.append(after)
        seeded = bench.seed(after)
        bench.psql("bench_sample", "vacuum analyze")
        before = bench.App("before", "bench_sample", jar="before")
        before.start()
        apps.append(before)
        heroes = seeded["heroes"]
        scripts = {
            "GET /api/heroes/{id}": lambda: bench.lua_random_path("/api/heroes/", heroes),
            "GET /api/heroes?size=20, random page":
                lambda: bench.lua_random_page("/api/heroes?size=20", bench.pages(len(heroes), 20)),
        }
        for label, script in scripts.items():
            for app in apps:
                for _ in range(WARMUP_RUNS):
                    bench.wrk(app, script(), 10, 16)
            rates = {"sample": [], "before": []}
            for round_number in range(AB_ROUNDS):
                for app in (apps if round_number % 2 == 0 else apps[::-1]):
                    rates[app.name].append(bench.wrk(app, script(), 10, 16)["rps"])
            earlier, current = statistics.median(rates["before"]), statistics.median(rates["sample"])
            bench.log(f"{label}: before {[round(r) for r in rates['before']]} median {earlier:.0f} req/s; "
                      f"after {[round(r) for r in rates['sample']]} median {current:.0f} req/s; "
                      f"ratio {current / earlier:.2f}")
    finally:
        for app in apps:
            app.stop()
        bench.stop_postgres(data)


if __name__ == "__main__":
    main()
