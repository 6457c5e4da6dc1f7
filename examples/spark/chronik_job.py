"""A timeline of diplomatic meetings from a JSON Lines archive of articles, on Apache Spark.

Every partition of the archive is piped through `chronik extract --format jsonl -` on the
executors (a streaming filter: one record out per article line in, a failed line as an
`{"error": ...}` record in its place); the records are then merged in input order by
`chronik merge` on the driver, which holds events, not texts.

    spark-submit examples/spark/chronik_job.py --chronik target/release/chronik \\
        --partitions 64 -o timeline.json hdfs:///archive/*.jsonl

See the README's "Spark" section for running it on a cluster.
"""

import argparse
import collections
import os
import shutil
import subprocess
import sys
import tempfile
import threading

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import SparkSession

# exit codes of `chronik extract`: 0 all records went through, 1 some failed (written as error
# records); anything else means chronik could not run
EXTRACT_OK = (0, 1)


def pipe_partition(binary_name, arguments):
    """A function for `mapPartitions`: pipes the lines of a partition through chronik.

    This is what `RDD.pipe` does, with two differences: the binary is looked up with
    `SparkFiles.get` on the executor (its path differs between machines), and exit code 1
    (some records failed, each in the output as an error record) does not fail the task.
    """

    def run(lines):
        binary = SparkFiles.get(binary_name)
        process = subprocess.Popen(
            [binary, *arguments],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        last_messages = collections.deque(maxlen=20)

        def feed():
            try:
                for line in lines:
                    process.stdin.write(line.encode("utf-8") + b"\n")
            except BrokenPipeError:
                pass
            finally:
                process.stdin.close()

        def drain_stderr():
            for message in process.stderr:
                last_messages.append(message.decode("utf-8", "replace").rstrip())

        threads = [threading.Thread(target=feed), threading.Thread(target=drain_stderr)]
        for t in threads:
            t.start()
        for line in process.stdout:
            yield line.decode("utf-8").rstrip("\n")
        for t in threads:
            t.join()
        code = process.wait()
        if code not in EXTRACT_OK:
            raise RuntimeError(
                f"chronik {' '.join(arguments)} exited with {code}: " + " | ".join(last_messages)
            )

    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSON Lines files or directories Spark can read")
    parser.add_argument("-o", "--output", required=True, help="the timeline, written on the driver")
    parser.add_argument(
        "--chronik",
        default=shutil.which("chronik"),
        help="the chronik binary on the driver (shipped to the executors; default: on PATH)",
    )
    parser.add_argument("--partitions", type=int, default=None, help="at least this many partitions")
    parser.add_argument(
        "--format", default="timeline", help="the format `chronik merge` writes (default: timeline)"
    )
    parser.add_argument("--records", help="also save the per-article JSON Lines to this directory")
    parser.add_argument("--master", help="the Spark master when not run by spark-submit, e.g. local[2]")
    args = parser.parse_args()
    if not args.chronik or not os.access(args.chronik, os.X_OK):
        parser.error("no chronik binary: give --chronik PATH")

    builder = SparkSession.builder.appName("chronik")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.addFile(args.chronik)
    binary_name = os.path.basename(args.chronik)

    lines = sc.textFile(",".join(args.inputs), minPartitions=args.partitions)
    # blank lines are no articles: chronik writes nothing for them
    articles = lines.filter(lambda line: line.strip())
    records = articles.mapPartitions(
        pipe_partition(binary_name, ["extract", "--format", "jsonl", "-"]),
        preservesPartitioning=True,
    )
    records.persist(StorageLevel.MEMORY_AND_DISK)
    n_in, n_out = articles.count(), records.count()
    if n_in != n_out:
        raise RuntimeError(f"{n_in} articles in but {n_out} records out: chronik lost lines")
    failed = records.filter(lambda r: r.startswith('{"error":'))
    n_failed = failed.count()
    for record in failed.take(10):
        print(f"chronik: failed record: {record}", file=sys.stderr)
    if args.records:
        records.saveAsTextFile(args.records)

    # the merge runs on the driver: the records come partition by partition, in input order
    with tempfile.TemporaryFile() as timeline:
        merge = subprocess.Popen(
            [args.chronik, "merge", "--format", args.format, "-"],
            stdin=subprocess.PIPE,
            stdout=timeline,
        )
        for record in records.toLocalIterator():
            if not record.startswith('{"error":'):
                merge.stdin.write(record.encode("utf-8") + b"\n")
        merge.stdin.close()
        if merge.wait() != 0:
            raise RuntimeError(f"chronik merge exited with {merge.returncode}")
        timeline.seek(0)
        with open(args.output, "wb") as out:
            shutil.copyfileobj(timeline, out)
    print(
        f"chronik: {n_in} articles in {records.getNumPartitions()} partitions, "
        f"{n_failed} failed; timeline in {args.output}",
        file=sys.stderr,
    )
    spark.stop()


if __name__ == "__main__":
    main()
