#!/usr/bin/env python3
"""crudkit benchmark driver: the sample against the hand-written JdbcClient floor, side by side in one run.

One command (see benchmarks/README.md):  python3 benchmarks/run.py

It builds the three apps, starts a PostgreSQL 15 of its own with pg_stat_statements (the Debian server binaries of
the machine, on port 55432, in a scratch directory), creates a fresh database per target, starts each app with the
same JVM flags, seeds it through its HTTP API (100 teams, 10,000 heroes of whom half have a mentor, 200 powers,
about 25,000 hero powers), warms up, then measures each endpoint with
wrk at fixed concurrency in several rounds, alternating the targets, and counts SQL statements per request with
pg_stat_statements. It also measures start-up to healthy against a plain Spring Boot app with the same starters, RSS
after the run, a scale of 1,000,000 heroes, and deep pages (offset versus keyset). It prints one markdown table and
writes it to benchmarks/results/latest.md. Only loopback addresses are used.
"""

import concurrent.futures
import datetime
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
DURATION = int(os.environ.get("DURATION", "10"))
WARMUP = int(os.environ.get("WARMUP", "8"))
WARMUP_MIN = int(os.environ.get("WARMUP_MIN", "3"))
WARMUP_MAX = int(os.environ.get("WARMUP_MAX", "25"))
WARMUP_TOLERANCE = float(os.environ.get("WARMUP_TOLERANCE", "0.03"))
WARMUP_PLATEAU = int(os.environ.get("WARMUP_PLATEAU", "3"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "16"))
# Every measurement runs at each of these; 32 saturates the two cores of the reference machine.
CONNECTION_LEVELS = [int(c) for c in os.environ.get("CONNECTION_LEVELS", f"{CONNECTIONS},32").split(",")]
STARTS = int(os.environ.get("STARTS", "3"))
PG_PORT = int(os.environ.get("BENCH_PG_PORT", "55432"))
PG_BIN = os.environ.get("BENCH_PG_BIN", "/usr/lib/postgresql/15/bin")
WORK = os.environ.get("BENCH_WORK", os.path.join(tempfile.gettempdir(), "crudkit-bench"))
SCALE = os.environ.get("SCALE_1M", "0") == "1"
PROFILE = os.environ.get("PROFILE", "0") == "1"
# The "scale" section: the read endpoints on 1 and 2 instances with a streaming replica (REPLICAS=1 after the main
# measurements; REPLICAS_ONLY=1 runs this section alone, on a freshly seeded sample).
REPLICAS = os.environ.get("REPLICAS", "0") == "1" or os.environ.get("REPLICAS_ONLY", "0") == "1"
REPLICAS_ONLY = os.environ.get("REPLICAS_ONLY", "0") == "1"
REPLICA_PORT = PG_PORT + 1
REPLICA_WARMUP = int(os.environ.get("REPLICA_WARMUP", "30"))
LSN_PAIRS = int(os.environ.get("LSN_PAIRS", "500"))
JVM_FLAGS = ["-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-XX:ActiveProcessorCount=2", "-XX:TieredStopAtLevel=4"]
JARS = {
    "sample": "sample-app/target/crudkit-sample-app-0.1.0-SNAPSHOT.jar",
    "floor": "benchmarks/floor-app/target/crudkit-bench-floor-app-0.1.0-SNAPSHOT.jar",
    "plain": "benchmarks/plain-app/target/crudkit-bench-plain-app-0.1.0-SNAPSHOT.jar",
}
PORTS = {"sample": 18080, "floor": 18081, "plain": 18082, "replica-a": 18090, "replica-b": 18091}
READ_AFTER = "Crudkit-Read-After"


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def run(command, **kwargs):
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs)


# ---------------------------------------------------------------------------------------------------------------
# PostgreSQL of the benchmark's own


def as_postgres(command):
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--"] + command
    return command


def start_postgres():
    data = os.path.join(WORK, "pg")
    if os.path.exists(WORK):
        shutil.rmtree(WORK)
    os.makedirs(data)
    if os.geteuid() == 0:
        shutil.chown(WORK, "postgres")
        shutil.chown(data, "postgres")
    run(as_postgres([f"{PG_BIN}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]))
    options = (f"-p {PG_PORT} -c listen_addresses=127.0.0.1 -c unix_socket_directories={data} "
               "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top "
               "-c max_connections=200 -c shared_buffers=256MB -c fsync=off -c synchronous_commit=off")
    run(as_postgres([f"{PG_BIN}/pg_ctl", "-D", data, "-o", options, "-l", os.path.join(data, "log"), "-w",
                     "start"]))
    psql("postgres", "create extension if not exists pg_stat_statements")
    log(f"PostgreSQL {psql('postgres', 'show server_version')} with pg_stat_statements on 127.0.0.1:{PG_PORT}")
    return data


def stop_postgres(data):
    subprocess.run(as_postgres([f"{PG_BIN}/pg_ctl", "-D", data, "-m", "fast", "stop"]), capture_output=True)


def psql(database, sql):
    result = run(["psql", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", database, "-AtXq", "-v",
                  "ON_ERROR_STOP=1", "-c", sql])
    return result.stdout.strip()


def statements_since_reset(database):
    """SQL statements (reads and writes) recorded for the database since the last reset; utility commands such as
    BEGIN, COMMIT, SET and the pool's validation are left out."""
    value = psql("postgres", f"""
        select coalesce(sum(s.calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid
        where d.datname = '{database}'
          and s.query ~* '^\\s*(select|insert|update|delete|with)\\s'
          and s.query !~* '^\\s*select\\s+(1|version\\(\\))\\s*$'""")
    return int(value)


# ---------------------------------------------------------------------------------------------------------------
# The apps


class App:

    def __init__(self, name, database, jar=None):
        self.name = name
        self.database = database
        self.port = PORTS[name]
        self.jar = jar or name
        self.process = None
        self.log_path = os.path.join(WORK, f"{name}.log")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self, extra=()):
        arguments = ["java", *JVM_FLAGS, "-jar", os.path.join(ROOT, JARS[self.jar]),
                     f"--server.port={self.port}",
                     f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:{PG_PORT}/{self.database}",
                     "--spring.datasource.username=postgres", "--spring.datasource.password=",
                     "--logging.level.root=WARN", *extra]
        started = time.monotonic()
        self.process = subprocess.Popen(arguments, stdout=open(self.log_path, "a"), stderr=subprocess.STDOUT)
        while True:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} exited while starting; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.url("/actuator/health"), timeout=1) as response:
                    if response.status == 200:
                        return time.monotonic() - started
            except OSError:
                pass
            if time.monotonic() - started > 120:
                raise SystemExit(f"{self.name} did not become healthy in 120 s; see {self.log_path}")
            time.sleep(0.05)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None

    def rss_mib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")


def http(method, url, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json"} if data else {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def migrate(database):
    """The floor has no Liquibase: its database is migrated by the sample, which exits when it has no web server."""
    subprocess.run(["java", *JVM_FLAGS, "-jar", os.path.join(ROOT, JARS["sample"]),
                    "--spring.main.web-application-type=none",
                    f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:{PG_PORT}/{database}",
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--logging.level.root=WARN"], check=True, stdout=open(os.path.join(WORK, "migrate.log"), "w"),
                   stderr=subprocess.STDOUT, timeout=180)


CATEGORIES = ["PHYSICAL", "MENTAL", "ENERGY", "MAGIC", "TECH"]
TAGS = ["agile", "ancient", "cosmic", "dark", "defensive", "elemental", "flight", "healing", "kinetic", "light",
        "mind", "offensive", "psionic", "rare", "sonic", "speed", "stealth", "strength", "tech", "water"]


def seed(app):
    """Seed one app through its HTTP API, the same rows for both: ids differ between the apps (each hands out its
    own), so every reference is drawn as an index into the ids that this app answered, from the same random streams.
    Returns {"teams": [...], "heroes": [...], "powers": [...]}, ids in creation order."""
    teams = [http("POST", app.url("/api/teams"), {"name": f"Team {i}", "headquarters": f"City {i}"})["id"]
             for i in range(100)]
    rng = random.Random(42)
    mentors = random.Random(43)
    heroes = []
    for batch in range(10):
        items = [{"name": f"Hero {batch * 1000 + i}", "secretName": f"Secret {batch * 1000 + i}",
                  "age": rng.randint(0, 120), "teamId": teams[(batch * 1000 + i) % 100]} for i in range(1000)]
        # Half of the heroes have a mentor: 5 in 9 of those after the first batch, each mentored by a hero of an
        # earlier batch (a bulk request's mentors must exist before it), so that chains of mentors form, and no
        # cycle.
        for item in items:
            if batch > 0 and mentors.random() < 5 / 9:
                item["mentorId"] = heroes[mentors.randrange(len(heroes))]
        heroes.extend(http("POST", app.url("/api/heroes/bulk"), {"items": items})["ids"])
    powers = seed_powers(app, heroes)
    # The links as seeded, kept aside so that the link writes can be undone (see reset).
    psql(app.database, "create schema bench; create table bench.hero_power as table hero_power")
    # Both databases start from the same physical state: heroes and links in key order (the links were assigned by
    # concurrent requests, in an order of their own), statistics fresh and the visibility map set, so that
    # index-only scans are open to both (left to autovacuum, one of them may miss it for the whole run).
    restore_links(app)
    psql(app.database, "cluster hero using pk_hero")
    psql(app.database, "vacuum analyze")
    return {"teams": teams, "heroes": heroes, "powers": powers}


def seed_powers(app, heroes):
    """200 powers, 40 per category, with 0 to 4 tags each; then 0 to 5 powers per hero (about 25,000 links), each at
    a level from 1 to 10, assigned with PUT /api/heroes/{id}/powers/{powerId}: eight heroes at a time, the links of
    one hero in sequence (they are serialised on the hero anyway)."""
    rng = random.Random(44)
    powers = [http("POST", app.url("/api/powers"),
                   {"name": f"Power {i:03d}", "category": CATEGORIES[i % len(CATEGORIES)],
                    "tags": sorted(rng.sample(TAGS, rng.randint(0, 4)))})["id"] for i in range(200)]
    first_day = datetime.date(2000, 1, 1)
    links = []
    for hero in heroes:
        links.append([(hero, powers[p], {"level": rng.randint(1, 10),
                                         "acquiredOn": (first_day + datetime.timedelta(rng.randrange(9000))).isoformat()})
                      for p in rng.sample(range(len(powers)), rng.randint(0, 5))])

    def assign(hero_links):
        for hero, power, body in hero_links:
            http("PUT", app.url(f"/api/heroes/{hero}/powers/{power}"), body)

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(assign, links))
    return powers


# ---------------------------------------------------------------------------------------------------------------
# wrk

DONE = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d errors=%d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def lua_random_path(prefix, ids, suffix=""):
    return ("local ids = {" + ",".join(str(i) for i in ids) + "}\n"
            f"request = function() return wrk.format('GET', '{prefix}' .. ids[math.random(#ids)] .. '{suffix}') end\n"
            + DONE)


def lua_post(path, bodies):
    escaped = ",".join("[==[" + json.dumps(body) + "]==]" for body in bodies)
    return ("local bodies = {" + escaped + "}\n"
            "wrk.headers['Content-Type'] = 'application/json'\n"
            f"request = function() return wrk.format('POST', '{path}', nil, bodies[math.random(#bodies)]) end\n"
            + DONE)


def lua_put_link(heroes, powers):
    """PUT of random hero/power pairs (new links mostly, some replaced), a random level. Each wrk thread draws from a
    stream of its own: unseeded, both threads would send the same pairs at the same moments, all contending for the
    same heroes' row locks."""
    return ("local heroes = {" + ",".join(str(i) for i in heroes) + "}\n"
            "local powers = {" + ",".join(str(i) for i in powers) + "}\n"
            "local threads = 0\n"
            "function setup(thread) threads = threads + 1; thread:set('number', threads) end\n"
            "function init(args) math.randomseed(number * 7919) end\n"
            "wrk.headers['Content-Type'] = 'application/json'\n"
            "request = function() return wrk.format('PUT', '/api/heroes/' .. heroes[math.random(#heroes)] .. "
            "'/powers/' .. powers[math.random(#powers)], nil, "
            "'{\"level\":' .. math.random(1, 10) .. ',\"acquiredOn\":\"2024-06-01\"}') end\n"
            + DONE)


def lua_get(path):
    return f"request = function() return wrk.format('GET', '{path}') end\n" + DONE


def wrk(app, script, seconds, connections, threads=2):
    path = os.path.join(WORK, f"script-{abs(hash(script))}.lua")
    with open(path, "w") as file:
        file.write(script)
    output = run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", path,
                  f"http://127.0.0.1:{app.port}"]).stdout
    match = re.search(r"RESULT requests=(\d+) duration_us=(\d+) p50_us=(\d+) p99_us=(\d+) non2xx=(\d+) errors=(\d+)",
                      output)
    requests, duration, p50, p99, non2xx, errors = (int(x) for x in match.groups())
    return {"rps": requests / (duration / 1e6), "p50": p50 / 1000, "p99": p99 / 1000, "requests": requests,
            "non2xx": non2xx, "errors": errors}


# ---------------------------------------------------------------------------------------------------------------


def lua_random_page(path, pages):
    """Pages drawn uniformly over the whole range, as users page through a list: page 0 is the one page that hides
    what a deep page costs."""
    return (f"request = function() return wrk.format('GET', '{path}&page=' .. math.random(0, {pages - 1})) end\n"
            + DONE)


def pages(rows, size):
    return (rows + size - 1) // size


def endpoints(data):
    """(label, script, connections, kind, warm-up key) for every measurement. The variants of one endpoint (random
    pages, page 0, the last page; 16 and 32 connections) share its warm-up: the code they run is the same."""
    teams, heroes, powers = data["teams"], data["heroes"], data["powers"]
    rng = random.Random(7)
    posts = [{"name": f"Bench {i}", "secretName": f"Secret {i}", "age": rng.randint(0, 120),
              "teamId": rng.choice(teams)} for i in range(200)]
    # Half of the new heroes name a mentor, whom the answer embeds.
    mentors = random.Random(8)
    for post in posts[::2]:
        post["mentorId"] = heroes[mentors.randrange(len(heroes))]
    bulk = [{"items": [{"name": f"Bulk {b}-{i}", "secretName": "S", "age": i % 100, "teamId": rng.choice(teams)}
                       for i in range(1000)]} for b in range(2)]
    rows = []
    for connections in CONNECTION_LEVELS:
        c = f" c{connections}"
        rows.append(("GET /api/heroes/{id}" + c, lambda: lua_random_path("/api/heroes/", heroes), connections,
                     "read-by-id", "hero"))
        for path, total in (("/api/heroes?size=20", len(heroes)), ("/api/heroes?size=100", len(heroes)),
                            ("/api/teams?size=20", len(teams)), ("/api/powers?size=20", len(powers))):
            size = int(path.rsplit("=", 1)[1])
            last = pages(total, size) - 1
            rows.append((f"GET {path}, random page{c}", lambda p=path, n=pages(total, size): lua_random_page(p, n),
                         connections, "list", path))
            rows.append((f"GET {path}&page=0{c}", lambda p=path: lua_get(p + "&page=0"), connections, "list", path))
            rows.append((f"GET {path}&page={last} (last){c}", lambda p=path, l=last: lua_get(f"{p}&page={l}"),
                         connections, "list", path))
        rows.append(("GET /api/teams/{id} (100 heroes)" + c, lambda: lua_random_path("/api/teams/", teams),
                     connections, "read-by-id", "team"))
        rows.append(("POST /api/heroes" + c, lambda: lua_post("/api/heroes", posts), connections, "write", "post"))
        rows.append(("GET /api/heroes/{id}/powers" + c, lambda: lua_random_path("/api/heroes/", heroes, "/powers"),
                     connections, "read-by-id", "hero-powers"))
        rows.append(("PUT /api/heroes/{id}/powers/{powerId}" + c, lambda: lua_put_link(heroes, powers), connections,
                     "write", "put-link"))
    rows.append(("POST /api/heroes/bulk (1000) c2", lambda: lua_post("/api/heroes/bulk", bulk), 2, "bulk", "bulk"))
    return rows


def restore_links(app):
    """The links as seeded, written afresh in key order."""
    psql(app.database, "truncate hero_power; "
                       "insert into hero_power select * from bench.hero_power order by hero_id, power_id")


def reset(app, data, key):
    """Writes grow the hero table; put it back to the seeded rows so that every read sees the same 10,000 heroes, in
    the same physical state. CLUSTER rewrites the table and its indexes in id order, as seeded: a plain VACUUM would
    leave them bloated by the millions of rows that the bulk measurements insert and delete, and a VACUUM FULL would
    keep the heroes that link writes updated where the updates moved them. A rewrite leaves the visibility map empty
    (every index-only scan would read the heap), so a VACUUM follows. Link writes add and replace hero powers and
    update (the version of) heroes: the links are put back as seeded."""
    if key == "put-link":
        restore_links(app)
    else:
        psql(app.database, f"delete from hero where id > {max(data['heroes'])}")
    psql(app.database, "cluster hero using pk_hero")
    psql(app.database, "vacuum analyze hero, hero_power")


def warm_up(app, script, connections, kind, key, data):
    """Load the endpoint in slices of WARMUP seconds until it stops improving: WARMUP_PLATEAU slices in a row without
    a step up, a step up being a slice more than WARMUP_TOLERANCE faster than the last step up (at least WARMUP_MIN,
    at most WARMUP_MAX slices). On two cores the JIT needs minutes to compile the sample's deeper stack, so a fixed
    short warm-up would measure the compiler, not the code. Two close slices in a row are not enough: a rate that is
    still climbing can pause (seen: 1,602 -> 2,291 -> 2,304 -> ... -> 3,400 req/s); and a flat but noisy rate may
    never give three slices within a few per cent of each other, but it stops making steps up."""
    rates, last_step, since_step = [], 0.0, 0
    for _ in range(WARMUP_MAX):
        rate = wrk(app, script(), WARMUP, connections)["rps"]
        rates.append(round(rate))
        if kind in ("write", "bulk"):
            reset(app, data, key)
        if rate > last_step * (1 + WARMUP_TOLERANCE):
            last_step, since_step = rate, 0
        else:
            since_step += 1
        if len(rates) >= WARMUP_MIN and since_step >= WARMUP_PLATEAU:
            break
    return rates


def measure(apps, data_by_app):
    results = {}
    for name, app in apps.items():
        warmed = set()
        for label, script, connections, kind, key in endpoints(data_by_app[name]):
            if key in warmed:
                continue
            warmed.add(key)
            slices = warm_up(app, script, connections, kind, key, data_by_app[name])
            log(f"  warm-up {label:44} {name:6} req/s per {WARMUP} s slice: {slices}")
    for round_number in range(1, ROUNDS + 1):
        log(f"round {round_number} of {ROUNDS}")
        rows = endpoints(data_by_app["floor"])
        for index, (label, _, connections, kind, key) in enumerate(rows):
            order = ["floor", "sample"] if (round_number + index) % 2 == 0 else ["sample", "floor"]
            for name in order:
                app = apps[name]
                script = endpoints(data_by_app[name])[index][1]()
                psql("postgres", "select pg_stat_statements_reset()")
                result = wrk(app, script, DURATION, connections)
                result["statements"] = statements_since_reset(app.database) / max(result["requests"], 1)
                if round_number == 1 and os.environ.get("SHOW_STATEMENTS") == "1":
                    log(psql("postgres", "select calls, left(query, 120) from pg_stat_statements s join pg_database d "
                                         f"on d.oid = s.dbid where d.datname = '{app.database}' order by calls desc limit 8"))
                if result["non2xx"] or result["errors"]:
                    log(f"  {label}: {name} answered {result['non2xx']} non-2xx, {result['errors']} errors")
                results.setdefault((label, kind), {}).setdefault(name, []).append(result)
                if kind in ("write", "bulk"):
                    reset(app, data_by_app[name], key)
                log(f"  {label:44} {name:6} {result['rps']:9.1f} req/s  p50 {result['p50']:7.2f} ms  "
                    f"p99 {result['p99']:7.2f} ms  {result['statements']:5.2f} stmt/req  non-2xx {result['non2xx']}")
    return results


TARGETS = {"read-by-id": (0.85, 1.5), "write": (0.85, 1.5), "list": (0.80, 1.5), "bulk": (0.80, 1.5)}


def median(values):
    return statistics.median(values) if values else float("nan")


def table(results, startup, rss, scale_rows):
    lines = ["| endpoint | floor req/s | sample req/s | ratio (target) | floor p50 / p99 ms | sample p50 / p99 ms | "
             "p99 ratio (target) | statements per request floor / sample | met |",
             "|---|---|---|---|---|---|---|---|---|"]
    for (label, kind), by_app in results.items():
        floor, sample = by_app["floor"], by_app["sample"]
        f_rps, s_rps = median([r["rps"] for r in floor]), median([r["rps"] for r in sample])
        f_p50, s_p50 = median([r["p50"] for r in floor]), median([r["p50"] for r in sample])
        f_p99, s_p99 = median([r["p99"] for r in floor]), median([r["p99"] for r in sample])
        f_st, s_st = median([r["statements"] for r in floor]), median([r["statements"] for r in sample])
        if kind == "bulk":
            f_st, s_st = f_st, s_st
        throughput_target, p99_target = TARGETS[kind]
        ratio, p99_ratio = s_rps / f_rps, s_p99 / f_p99
        met = ratio >= throughput_target and p99_ratio <= p99_target
        lines.append(f"| {label} | {f_rps:.0f} | {s_rps:.0f} | {ratio:.2f} (≥ {throughput_target}) | "
                     f"{f_p50:.2f} / {f_p99:.2f} | {s_p50:.2f} / {s_p99:.2f} | {p99_ratio:.2f} (≤ {p99_target}) | "
                     f"{f_st:.2f} / {s_st:.2f} | {'yes' if met else 'no'} |")
    lines.append("")
    lines.append("| depth: last page against page 0, p50 | floor | sample | target |")
    lines.append("|---|---|---|---|")
    for (label, kind), by_app in results.items():
        if "&page=0" not in label:
            continue
        base, suffix = label.split("&page=0")
        deep = next(((l, k) for (l, k) in results if l.startswith(base + "&page=") and "(last)" in l
                     and l.endswith(suffix)), None)
        if deep is None:
            continue
        ratios = {}
        for name in ("floor", "sample"):
            ratios[name] = (median([r["p50"] for r in results[deep][name]])
                            / median([r["p50"] for r in by_app[name]]))
        lines.append(f"| {deep[0]} | {ratios['floor']:.2f} | {ratios['sample']:.2f} | "
                     f"≤ 3, and ≤ the floor's own ratio × 1.5 |")
    lines.append("")
    lines.append("| start-up and memory | plain Spring Boot | sample (crudkit) | ratio (target) |")
    lines.append("|---|---|---|---|")
    s_up, p_up = median(startup["sample"]), median(startup["plain"])
    lines.append(f"| start-up to healthy, median of {STARTS} | {p_up:.2f} s | {s_up:.2f} s | "
                 f"{s_up / p_up:.2f} (≤ 1.3) |")
    lines.append(f"| RSS after the run (floor / sample) | {rss['floor']:.0f} MiB | {rss['sample']:.0f} MiB | "
                 f"{rss['sample'] / rss['floor']:.2f} |")
    if scale_rows:
        lines.append("")
        lines.append("| scale and depth (sample) | req/s | p50 ms | p99 ms | p50 ratio (target) |")
        lines.append("|---|---|---|---|---|")
        lines.extend(scale_rows)
    return "\n".join(lines)


def scale(app):
    """GET heroes page 0 at 10,000 and at 1,000,000 heroes; the first and last pages by offset and by keyset."""
    rows = []
    small = wrk(app, lua_get("/api/heroes?size=20"), DURATION, CONNECTIONS)
    log("seeding 990,000 more heroes with SQL")
    psql(app.database, """
        insert into hero (id, name, secret_name, age, team_id)
        select nextval('hero_seq'), 'Scaled ' || n, 'S', n % 100, (select min(id) from team) from generate_series(1, 990000) n""")
    psql(app.database, "vacuum analyze hero")
    total = int(psql(app.database, "select count(*) from hero"))
    last_page = (total - 1) // 20
    after = int(psql(app.database, "select id from hero order by id desc offset 20 limit 1"))
    measured = [
        (f"GET /api/heroes?size=20 (offset page 0) at 10,000 heroes", small),
        (f"GET /api/heroes?size=20 (offset page 0) at {total:,} heroes",
         wrk(app, lua_get("/api/heroes?size=20"), DURATION, CONNECTIONS)),
        (f"offset, last page (page={last_page})",
         wrk(app, lua_get(f"/api/heroes?size=20&page={last_page}"), DURATION, CONNECTIONS)),
        ("keyset, first page (after=0)", wrk(app, lua_get("/api/heroes?size=20&after=0"), DURATION, CONNECTIONS)),
        (f"keyset, last page (after={after})",
         wrk(app, lua_get(f"/api/heroes?size=20&after={after}"), DURATION, CONNECTIONS)),
    ]
    for label, result in measured:
        if result["non2xx"] or result["errors"]:
            raise SystemExit(f"{label}: {result['non2xx']} non-2xx answers, {result['errors']} errors")
    # Each p50 against: page 0 at 10,000 heroes (rows 0, 1), page 0 at the full scale (rows 2, 3), the keyset first
    # page (row 4). Targets: page 0 within 2x from 10,000 to 1,000,000 heroes; the keyset last page within 2x of its
    # first.
    bases = [small["p50"], small["p50"], measured[1][1]["p50"], measured[1][1]["p50"], measured[3][1]["p50"]]
    for (label, result), base, target in zip(measured, bases, ["", " (≤ 2)", "", "", " (≤ 2)"]):
        rows.append(f"| {label} | {result['rps']:.0f} | {result['p50']:.2f} | {result['p99']:.2f} | "
                    f"{result['p50'] / base:.2f}{target} |")
    plan = psql(app.database, "explain select h.id from hero h where lower(h.name) like '%scaled 4242%' "
                              "order by h.id limit 20")
    return rows, plan


# ---------------------------------------------------------------------------------------------------------------
# Read replicas


def start_replica(primary_data):
    """A streaming replica of the benchmark's server (pg_basebackup -R), on REPLICA_PORT, applying at once."""
    data = os.path.join(WORK, "replica")
    run(as_postgres([f"{PG_BIN}/pg_basebackup", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-D", data,
                     "-R", "-X", "stream", "-c", "fast", "--no-sync"]))
    options = (f"-p {REPLICA_PORT} -c listen_addresses=127.0.0.1 -c unix_socket_directories={primary_data} "
               "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top "
               "-c max_connections=200 -c shared_buffers=256MB -c fsync=off -c hot_standby=on")
    run(as_postgres([f"{PG_BIN}/pg_ctl", "-D", data, "-o", options, "-l", os.path.join(WORK, "replica.log"), "-w",
                     "start"]))
    log(f"streaming replica on 127.0.0.1:{REPLICA_PORT}")
    return data


def await_replay(database):
    target = psql(database, "select pg_current_wal_lsn()")
    for _ in range(600):
        done = run(["psql", "-h", "127.0.0.1", "-p", str(REPLICA_PORT), "-U", "postgres", "-d", database, "-AtXq",
                    "-c", f"select pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"]).stdout.strip()
        if done == "t":
            return
        time.sleep(0.1)
    raise SystemExit("the replica did not catch up in 60 s")


def wrk_spread(apps, script, seconds, connections):
    """One wrk per instance at the same time, the connections and wrk's two threads split between them (a client-side
    round robin): the summed throughput and the slower median."""
    with concurrent.futures.ThreadPoolExecutor(len(apps)) as pool:
        parts = list(pool.map(lambda app: wrk(app, script, seconds, connections // len(apps),
                                              threads=max(1, 2 // len(apps))), apps))
    return {"rps": sum(part["rps"] for part in parts), "p50": max(part["p50"] for part in parts),
            "p99": max(part["p99"] for part in parts), "requests": sum(part["requests"] for part in parts),
            "non2xx": sum(part["non2xx"] for part in parts), "errors": sum(part["errors"] for part in parts)}


def timed_request(method, url, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    all_headers = dict(headers or {})
    if data:
        all_headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=all_headers)
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        payload = response.read()
        elapsed = time.perf_counter() - started
        return json.loads(payload or b"null"), response.headers.get(READ_AFTER), elapsed


def position_check_latency(app, heroes):
    """Read-your-writes, one client at a time: a write, then a read of it with the write's position (the replica is
    asked how far it has replayed: the LSN check), then a read of another hero without a position. The check's own
    time comes from the sample's crudkit.replica.position.checks timer."""
    with_token, without_token = [], []
    rng = random.Random(9)
    for i in range(LSN_PAIRS):
        created, token, _ = timed_request("POST", app.url("/api/heroes"),
                                          {"name": f"Consistent {i}", "secretName": "S", "age": 30})
        _, _, elapsed = timed_request("GET", app.url(f"/api/heroes/{created['id']}"), headers={READ_AFTER: token})
        with_token.append(elapsed * 1000)
        _, _, elapsed = timed_request("GET", app.url(f"/api/heroes/{rng.choice(heroes)}"))
        without_token.append(elapsed * 1000)
    with urllib.request.urlopen(app.url("/actuator/prometheus"), timeout=30) as response:
        metrics = response.read().decode()
    def metric(name):
        match = re.search(rf"^{name}(?:{{[^}}]*}})? ([0-9.eE+-]+)$", metrics, re.MULTILINE)
        return float(match.group(1)) if match else float("nan")
    checks = metric("crudkit_replica_position_checks_seconds_count")
    check_ms = 1000 * metric("crudkit_replica_position_checks_seconds_sum") / checks if checks else float("nan")
    return {"with": statistics.median(with_token), "without": statistics.median(without_token), "checks": checks,
            "check_ms": check_ms}


def replicas(primary_data, database, seeded):
    """The read endpoints of the sample on one instance without a replica, on one instance with a streaming replica,
    and on two instances with it; ratios to the first. On two cores everything shares the same CPUs (the instances,
    both servers, wrk): this shows what routing costs, not the speed-up more machines would bring."""
    heroes = seeded["heroes"]
    reads = [
        ("GET /api/heroes/{id}", lua_random_path("/api/heroes/", heroes)),
        ("GET /api/heroes?size=20, random page", lua_random_page("/api/heroes?size=20", pages(len(heroes), 20))),
    ]
    replica_data = start_replica(primary_data)
    await_replay(database)
    replica = [f"--crudkit.replica.url=jdbc:postgresql://127.0.0.1:{REPLICA_PORT}/{database}"]
    setups = [("1 instance, primary only", [], 1), ("1 instance + replica", replica, 1),
              ("2 instances + replica", replica, 2)]
    results = {}
    lsn = None
    try:
        for label, extra, count in setups:
            instances = [App(name, database, jar="sample") for name in ("replica-a", "replica-b")[:count]]
            try:
                for instance in instances:
                    instance.start(extra)
                for endpoint, script in reads:
                    wrk_spread(instances, script, REPLICA_WARMUP, CONNECTIONS)
                    rounds = [wrk_spread(instances, script, DURATION, CONNECTIONS) for _ in range(ROUNDS)]
                    for result in rounds:
                        if result["non2xx"] or result["errors"]:
                            raise SystemExit(f"{label} {endpoint}: {result['non2xx']} non-2xx, {result['errors']} "
                                             "errors")
                    results[(label, endpoint)] = {key: median([r[key] for r in rounds]) for key in ("rps", "p50",
                                                                                                  "p99")}
                    log(f"  {label:28} {endpoint:40} {results[(label, endpoint)]['rps']:8.0f} req/s")
                if extra and count == 1:
                    lsn = position_check_latency(instances[0], heroes)
            finally:
                for instance in instances:
                    instance.stop()
    finally:
        subprocess.run(as_postgres([f"{PG_BIN}/pg_ctl", "-D", replica_data, "-m", "fast", "stop"]),
                       capture_output=True)
    lines = ["| endpoint | setup | req/s | ratio to 1 instance, primary only | p50 / p99 ms |", "|---|---|---|---|---|"]
    for endpoint, _ in reads:
        base = results[(setups[0][0], endpoint)]["rps"]
        for label, _, _ in setups:
            result = results[(label, endpoint)]
            lines.append(f"| {endpoint} | {label} | {result['rps']:.0f} | {result['rps'] / base:.2f} | "
                         f"{result['p50']:.2f} / {result['p99']:.2f} |")
    lines.append("")
    lines.append(f"Read-your-writes, one client, {LSN_PAIRS} writes each read back with its position: read p50 "
                 f"{lsn['with']:.2f} ms with the position, {lsn['without']:.2f} ms for a read without one; "
                 f"{lsn['checks']:.0f} LSN checks, {lsn['check_ms']:.3f} ms each on average.")
    return "\n".join(lines)


def profile(apps, data_by_app):
    """JFR (default settings) for 20 s of wrk load on a few endpoints, floor and sample; the share of execution
    samples per code group (benchmarks/jfr_groups.py), to explain the gap to the floor."""
    sys.path.insert(0, os.path.join(ROOT, "benchmarks"))
    import jfr_groups
    wanted = ("GET /api/heroes/{id} c16", "GET /api/heroes?size=20, random page c16", "POST /api/heroes c16",
              "GET /api/teams?size=20, random page c16")
    table = {}
    for name, app in apps.items():
        rows = {label: (script, connections, kind, key)
                for label, script, connections, kind, key in endpoints(data_by_app[name])}
        for label in wanted:
            script, connections, kind, key = rows[label]
            path = os.path.join(WORK, f"{name}-{abs(hash(label))}.jfr")
            run(["jcmd", str(app.process.pid), "JFR.start", "name=bench", f"filename={path}", "duration=20s"])
            wrk(app, script(), 20, connections)
            time.sleep(2)
            if kind in ("write", "bulk"):
                reset(app, data_by_app[name], key)
            counts = jfr_groups.shares(path)
            total = max(sum(counts.values()), 1)
            table.setdefault(label, {})[name] = {group: 100 * count / total for group, count in counts.items()}
            log(f"  profile {label:44} {name:6} {total} samples")
    groups = sorted({group for by_app in table.values() for shares in by_app.values() for group in shares})
    lines = ["| code | " + " | ".join(table) + " |", "|---|" + "---|" * len(table)]
    for group in groups:
        cells = []
        for label in table:
            floor = table[label].get("floor", {}).get(group, 0.0)
            sample = table[label].get("sample", {}).get(group, 0.0)
            cells.append(f"{floor:.1f} % / {sample:.1f} %")
        lines.append(f"| {group} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    # A SIGTERM (a stopped CI job, kill) still stops the apps and the server: the finally below runs.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    os.chdir(ROOT)
    if not shutil.which("wrk"):
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            raise SystemExit("wrk is missing: apt-get install wrk")
        log("installing wrk from the Debian packages")
        if subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], capture_output=True).returncode != 0:
            run(["apt-get", "update", "-q"])
            run(["apt-get", "install", "-y", "-q", "wrk"])
    log("building the sample, the floor and the plain app")
    modules = "sample-app" if REPLICAS_ONLY else "sample-app,benchmarks/floor-app,benchmarks/plain-app"
    run(["./mvnw", "-B", "-q", "-Pbenchmarks", "-pl", modules, "-am", "package", "-DskipTests"])
    data = start_postgres()
    apps = {}
    if REPLICAS_ONLY:
        return replicas_only(data)
    try:
        for name in ("floor", "sample"):
            psql("postgres", f"create database bench_{name}")
        migrate("bench_floor")
        startup = {"sample": [], "plain": []}
        for attempt in range(STARTS):
            for name in ("plain", "sample"):
                app = App(name, "bench_sample")
                startup[name].append(app.start())
                app.stop()
        log(f"start-up to healthy: plain {startup['plain']}, sample {startup['sample']}")
        apps = {"floor": App("floor", "bench_floor"), "sample": App("sample", "bench_sample")}
        seeded = {}
        for name, app in apps.items():
            app.start()
            started = time.monotonic()
            seeded[name] = seed(app)
            log(f"{name}: {len(seeded[name]['teams'])} teams, {len(seeded[name]['heroes'])} heroes, "
                f"{len(seeded[name]['powers'])} powers, "
                f"{psql(app.database, 'select count(*) from hero_power')} hero powers, "
                f"{psql(app.database, 'select count(*) from hero where mentor_id is not null')} heroes with a mentor; "
                f"seeded in {time.monotonic() - started:.0f} s")
        results = measure(apps, seeded)
        rss = {name: app.rss_mib() for name, app in apps.items()}
        profile_table = ""
        if PROFILE:
            try:
                profile_table = profile(apps, seeded)
            except Exception as failure:  # the measurements above must reach the report whatever the profiler does
                log(f"profile failed: {failure!r}")
        scale_rows, plan = scale(apps["sample"]) if SCALE else ([], "")
        replica_table = ""
        if REPLICAS:
            apps["sample"].stop()
            apps["floor"].stop()
            replica_table = replicas(data, "bench_sample", seeded["sample"])
        report = table(results, startup, rss, scale_rows)
        machine = (f"{os.cpu_count()} cores, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} "
                   f"GiB, {run(['java', '-version']).stderr.splitlines()[0]}, PostgreSQL "
                   f"{psql('postgres', 'show server_version')}")
        header = (f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {machine}. wrk -t2 at "
                  f"{' and '.join('-c' + str(c) for c in CONNECTION_LEVELS)} (bulk -c2), random pages drawn over "
                  f"the whole range, {DURATION} s per measurement after a warm-up of each endpoint in {WARMUP} s slices until "
                  f"{WARMUP_PLATEAU} in a row bring no step up of > {WARMUP_TOLERANCE:.0%}, {ROUNDS} rounds "
                  f"alternating the targets; medians. JVM flags: {' '.join(JVM_FLAGS)}.")
        text = header + "\n\n" + report + ("\n\nName filter at 1,000,000 heroes:\n\n```\n" + plan + "\n```\n"
                                           if plan else "\n")
        if replica_table:
            text += ("\nScale: read replicas (sample only; the same seeded database, a streaming replica of it; on two "
                     "cores this is the cost of routing, not a speed-up):\n\n" + replica_table + "\n")
        if profile_table:
            text += ("\nExecution samples by code group (JFR, 20 s of load each; floor / sample; innermost non-JDK "
                     "frame):\n\n" + profile_table + "\n")
        os.makedirs(os.path.join(ROOT, "benchmarks", "results"), exist_ok=True)
        with open(os.path.join(ROOT, "benchmarks", "results", "latest.md"), "w") as file:
            file.write(text)
        print("\n" + text)
    finally:
        for app in apps.values():
            app.stop()
        stop_postgres(data)


def replicas_only(data):
    """REPLICAS_ONLY=1: seed the sample alone and run the read-replica section."""
    try:
        psql("postgres", "create database bench_sample")
        app = App("sample", "bench_sample")
        app.start()
        try:
            seeded = seed(app)
        finally:
            app.stop()
        text = ("Scale: read replicas (sample only; on two cores this is the cost of routing, not a speed-up):\n\n"
                + replicas(data, "bench_sample", seeded) + "\n")
        os.makedirs(os.path.join(ROOT, "benchmarks", "results"), exist_ok=True)
        with open(os.path.join(ROOT, "benchmarks", "results", "replicas.md"), "w") as file:
            file.write(text)
        print("\n" + text)
    finally:
        stop_postgres(data)


if __name__ == "__main__":
    sys.exit(main())
