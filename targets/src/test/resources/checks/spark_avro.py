"""Writes three rows as Avro and reads them back, for SparkAvroPackageTest.

Run by spark-submit with one argument, an empty folder to write into. Prints "avro round trip: N
rows" and exits 0 when the rows come back as written; raises otherwise (without Spark's Avro
module: "Failed to find data source: avro").
"""

import sys

from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
rows = [(1, "a"), (2, "b"), (3, "c")]
path = sys.argv[1] + "/rows.avro"
spark.createDataFrame(rows, "id long, name string").write.format("avro").save(path)
back = sorted((r.id, r.name) for r in spark.read.format("avro").load(path).collect())
if back != rows:
    raise AssertionError(f"read back {back}, wrote {rows}")
print(f"avro round trip: {len(back)} rows", flush=True)
spark.stop()
