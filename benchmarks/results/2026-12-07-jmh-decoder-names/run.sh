#!/usr/bin/env bash
# Issue 20, change 1: the parser factory learns the protocol's field names once at start.
# before: main at f136416; after: the change. Each jar is `./mvnw -pl benchmarks -am package
# -DskipTests` at that code, copied to /tmp/dec/{before,after}.jar; alternated before, after,
# before, after; three forks each; nothing else running.
set -euo pipefail
for run in before1 after1 before2 after2; do
  java -jar /tmp/dec/${run%?}.jar 'EventDecoderBenchmark' -p kind=hello_ctx,hello,page -f 3 -wi 4 -i 4 -w 1 -r 1 -prof gc > ${run%?}-run${run: -1}.txt 2>&1
done
