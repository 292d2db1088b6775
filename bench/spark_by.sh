#!/usr/bin/env bash
# Per-group fits: Spark local[2] (spark/ module, GroupFits) against `scalefit fit --by` on the same machine.
# usage: bash bench/spark_by.sh [SIZE ...]   SIZE = GROUPSxPOINTS (default: 10000x14 100000x14 1000000x14 10000x100)
# Prints one JSON line per measurement and appends them to bench/results/spark_by.jsonl.
# Run it on a quiet machine: every row records the load average it was measured at.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
  sizes=(10000x14 100000x14 1000000x14 10000x100)
fi
[ -f target/scalefit.jar ] || mvn -B -q -DskipTests package
mvn -B -q -o install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
mvn -B -q -o -f spark/pom.xml package -DskipTests -Dmaven.javadoc.skip=true
cp_file=$(mktemp)
mvn -B -q -o -f spark/pom.xml dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
classpath="$(cat "$cp_file"):spark/target/classes"
rm -f "$cp_file"
# Spark's Java 17 flags: the same list as spark/pom.xml's spark.java17.flags.
flags=$(sed -n 's:.*<spark.java17.flags>\(.*\)</spark.java17.flags>.*:\1:p' spark/pom.xml)
out=$(mktemp -d)
# shellcheck disable=SC2086
java -Xmx${SPARK_BENCH_HEAP:-8g} $flags -cp "$classpath" bench/SparkByBench.java "$out" "${SPARK_BENCH_MASTER:-local[2]}" \
    "${SPARK_BENCH_REPEATS:-3}" "${sizes[@]}" | tee -a bench/results/spark_by.jsonl
rm -rf "$out"
