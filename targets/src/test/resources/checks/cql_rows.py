"""Prints the rows of CQL queries as JSON lines, for the Cassandra script tests.

Usage: python cql_rows.py PORT QUERY [QUERY ...] (server on 127.0.0.1). Runs with the Python
driver that cqlsh itself uses (installed with it), so that values reach the test unformatted:
cqlsh's table output escapes backslashes and quotes for display.
"""
import json
import sys

from cassandra.cluster import Cluster
from cassandra.policies import WhiteListRoundRobinPolicy


def main():
    port = int(sys.argv[1])
    cluster = Cluster(
        ["127.0.0.1"],
        port=port,
        load_balancing_policy=WhiteListRoundRobinPolicy(["127.0.0.1"]),
        protocol_version=5,
    )
    session = cluster.connect()
    try:
        for i, query in enumerate(sys.argv[2:]):
            for row in session.execute(query):
                out = {k: dict(v.items()) if hasattr(v, "items") else v for k, v in row._asdict().items()}
                out["_query"] = i
                print(json.dumps(out, default=str, sort_keys=True))
    finally:
        cluster.shutdown()


if __name__ == "__main__":
    main()
