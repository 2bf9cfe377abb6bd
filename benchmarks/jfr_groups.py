#!/usr/bin/env python3
"""Share of a JFR recording's execution samples per code group, by each sample's innermost non-JDK frame.

Usage: python3 benchmarks/jfr_groups.py recording.jfr [more.jfr ...]
Used by run.py (PROFILE=1) to explain the gap to the floor; runnable on its own on any recording.
"""

import collections
import re
import subprocess
import sys

GROUPS = [
    ("Hibernate ORM", ("org.hibernate.",)),
    ("Hibernate Validator", ("org.hibernate.validator.",)),
    ("Spring ORM and Spring Data", ("org.springframework.orm.", "org.springframework.data.")),
    ("crudkit and the application", ("io.github.crudkit.",)),
    ("Spring MVC and HTTP", ("org.springframework.web.", "org.springframework.http.")),
    ("Spring core, beans, AOP, transactions", ("org.springframework.",)),
    ("Tomcat", ("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
    ("Jackson", ("tools.jackson.", "com.fasterxml.jackson.")),
    ("PostgreSQL JDBC driver", ("org.postgresql.",)),
    ("HikariCP, Micrometer, Logback", ("com.zaxxer.", "io.micrometer.", "ch.qos.logback.", "org.slf4j.")),
]
JDK = ("java.", "javax.", "jdk.", "sun.", "com.sun.")
FRAME = re.compile(r"^\s+([\w$.]+)\.[\w$<>]+\(")


def group(frame):
    # The more specific prefixes come first: Hibernate Validator before Hibernate ORM.
    for name, prefixes in sorted(GROUPS, key=lambda g: -max(len(p) for p in g[1])):
        if frame.startswith(prefixes):
            return name
    return "other"


def shares(path):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", path],
                          capture_output=True, text=True, check=True).stdout
    counts = collections.Counter()
    for event in text.split("jdk.ExecutionSample")[1:]:
        innermost = None
        for line in event.splitlines():
            match = FRAME.match(line)
            if match and not match.group(1).startswith(JDK):
                innermost = match.group(1)
                break
        counts[group(innermost) if innermost else "JDK only"] += 1
    return counts


def main():
    for path in sys.argv[1:]:
        counts = shares(path)
        total = sum(counts.values())
        print(f"{path}: {total} samples")
        for name, count in counts.most_common():
            print(f"  {name:40} {100 * count / total:5.1f} %")


if __name__ == "__main__":
    main()
