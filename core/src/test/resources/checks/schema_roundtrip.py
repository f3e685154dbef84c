"""Writes a sample file for each generated schema with the real Python writers and reads it back.

Usage: schema_roundtrip.py WORKDIR SCHEMA...  (run with build/tools/pychecks/bin/python)

- NAME.avsc: fastavro parses the schema, writes an Avro container file with two records that fit
  it (every nullable field set, then null) and reads them back unchanged.
- NAME.parquet.txt: the Parquet message type (parquet-mr's text form) becomes a pyarrow schema;
  pyarrow writes a Parquet file with the same two rows and reads them back unchanged, and the
  file's own Parquet schema must match the text column by column (physical type, length,
  logical type, repetition), so that a Python writer following the text writes what it says.

Prints one JSON line per schema: {"file", "ok", "rows", "error"}; exits 1 if any failed.
"""
import datetime
import decimal
import json
import os
import re
import sys
import traceback
import uuid

import fastavro
import pyarrow as pa
import pyarrow.parquet as pq

WHEN = datetime.datetime(2026, 12, 6, 17, 30, 15, 123456, tzinfo=datetime.timezone.utc)
DAY = datetime.date(2026, 12, 6)
ID = uuid.UUID("0b6f1c9e-3d2a-4f5b-9c7d-1e2f3a4b5c6d")


# ---- Avro ------------------------------------------------------------------------------------

def avro_value(schema, named):
    """A value that fits an Avro schema (parsed JSON), for the first, fully set row."""
    if isinstance(schema, list):
        branch = next(b for b in schema if b != "null")
        return avro_value(branch, named)
    if isinstance(schema, str):
        if schema in named:
            return avro_value(named[schema], named)
        return {
            "null": None, "boolean": True, "int": 42, "long": 4_200_000_000, "float": 1.5,
            "double": 230.25, "bytes": b"\x00\x01\xfe", "string": "sample \u00e9\u20ac",
        }[schema]
    t = schema["type"]
    logical = schema.get("logicalType")
    if "name" in schema and t in ("record", "enum", "fixed"):
        named[schema["name"]] = schema
        if "namespace" in schema:
            named[schema["namespace"] + "." + schema["name"]] = schema
    if logical == "uuid":
        return str(ID)
    if logical == "date":
        return DAY
    if logical == "timestamp-micros":
        return WHEN
    if logical == "timestamp-millis":
        return WHEN.replace(microsecond=123000)
    if logical == "decimal":
        return decimal.Decimal("12345.6").quantize(decimal.Decimal(1).scaleb(-schema.get("scale", 0)))
    if t == "record":
        return {f["name"]: avro_value(f["type"], named) for f in schema["fields"]}
    if t == "enum":
        return schema["symbols"][0]
    if t == "fixed":
        return bytes(range(schema["size"]))
    if t == "array":
        return [avro_value(schema["items"], named)]
    if t == "map":
        return {"k": avro_value(schema["values"], named)}
    if schema.get("x-blueprint-content") == "json":
        return json.dumps({"sample": [1, "two", None]})
    return avro_value(t, named)


def nulled(schema, record):
    """The same record with every nullable top-level field null: the second row."""
    out = dict(record)
    for f in schema["fields"]:
        if isinstance(f["type"], list) and "null" in f["type"]:
            out[f["name"]] = None
    return out


def normal(value):
    """What fastavro reads back for a value written: uuid strings come back as UUID objects."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {k: normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normal(v) for v in value]
    return value


def avro_roundtrip(path, workdir):
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    parsed = fastavro.parse_schema(schema)
    first = avro_value(schema, {})
    rows = [first, nulled(schema, first)]
    for r in rows:
        fastavro.validate(r, parsed, raise_errors=True)
    out = os.path.join(workdir, os.path.basename(path) + ".avro")
    with open(out, "wb") as f:
        fastavro.writer(f, parsed, rows, codec="deflate")
    with open(out, "rb") as f:
        reader = fastavro.reader(f)
        back = list(reader)
        written = reader.writer_schema
    if normal(back) != normal(rows):
        raise AssertionError("read back %r, wrote %r" % (back, rows))
    if written["name"] != parsed["name"]:
        raise AssertionError("file schema %s, expected %s" % (written["name"], parsed["name"]))
    return len(back)


# ---- Parquet ---------------------------------------------------------------------------------

COLUMN = re.compile(
    r"^\s*(required|optional)\s+(binary|boolean|int32|int64|float|double|fixed_len_byte_array\((\d+)\))"
    r"\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s+\(([A-Z]+)(?:\(([^)]*)\))?\))?\s*;\s*$")
PHYSICAL = {"binary": "BYTE_ARRAY", "boolean": "BOOLEAN", "int32": "INT32", "int64": "INT64",
            "float": "FLOAT", "double": "DOUBLE"}


def parse_message(text):
    """The columns of a flat parquet-mr message type: (repetition, type, length, name, logical, args)."""
    lines = [l for l in text.splitlines() if l.strip()]
    head = re.match(r"^message\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{\s*$", lines[0])
    if not head or lines[-1].strip() != "}":
        raise ValueError("not a message type: " + lines[0])
    columns = []
    for line in lines[1:-1]:
        m = COLUMN.match(line)
        if not m:
            raise ValueError("cannot read the column declaration: " + line.strip())
        rep, ptype, length, name, logical, args = m.groups()
        columns.append((rep, ptype, int(length) if length else None, name, logical, args))
    return head.group(1), columns


def arrow_type(ptype, length, logical, args):
    """The pyarrow type whose Parquet form is that column, and a sample value."""
    key = (ptype.split("(")[0], logical)
    if key == ("binary", "STRING"):
        return pa.string(), "sample \u00e9\u20ac"
    if key == ("binary", None):
        return pa.binary(), b"\x00\x01\xfe"
    if key == ("binary", "JSON"):
        return pa.json_(pa.string()), json.dumps({"sample": [1, "two", None]})
    if key == ("int32", None):
        return pa.int32(), 42
    if key == ("int64", None):
        return pa.int64(), 4_200_000_000
    if key == ("double", None):
        return pa.float64(), 230.25
    if key == ("float", None):
        return pa.float32(), 1.5
    if key == ("boolean", None):
        return pa.bool_(), True
    if key == ("int32", "DATE"):
        return pa.date32(), DAY
    if key == ("int64", "TIMESTAMP") and args == "MICROS,true":
        return pa.timestamp("us", tz="UTC"), WHEN
    if key == ("fixed_len_byte_array", "UUID") and length == 16:
        return pa.uuid(), ID.bytes
    if key == ("fixed_len_byte_array", "DECIMAL"):
        precision, scale = (int(x) for x in args.split(","))
        value = decimal.Decimal("12345.6").quantize(decimal.Decimal(1).scaleb(-scale))
        return pa.decimal128(precision, scale), value
    raise ValueError("no pyarrow type for %s %s(%s)" % (ptype, logical, args))


def expected_logical(logical, args):
    """The logical type pyarrow's ParquetLogicalType reports, as (type, details to check)."""
    if logical is None:
        return "None", {}
    if logical == "STRING":
        return "String", {}
    if logical == "TIMESTAMP":
        unit, utc = args.split(",")
        return "Timestamp", {"timeUnit": {"MILLIS": "milliseconds", "MICROS": "microseconds",
                                          "NANOS": "nanoseconds"}[unit],
                             "isAdjustedToUTC": utc == "true"}
    if logical == "DECIMAL":
        precision, scale = (int(x) for x in args.split(","))
        return "Decimal", {"precision": precision, "scale": scale}
    return {"JSON": "JSON", "DATE": "Date", "UUID": "UUID"}[logical], {}


def parquet_roundtrip(path, workdir):
    with open(path, encoding="utf-8") as f:
        name, columns = parse_message(f.read())
    fields, first, second = [], {}, {}
    for rep, ptype, length, col, logical, args in columns:
        atype, sample = arrow_type(ptype, length, logical, args)
        fields.append(pa.field(col, atype, nullable=(rep == "optional")))
        first[col] = sample
        second[col] = None if rep == "optional" else sample
    schema = pa.schema(fields)
    table = pa.Table.from_pylist([first, second], schema=schema)
    out = os.path.join(workdir, os.path.basename(path) + ".parquet")
    pq.write_table(table, out)
    back = pq.read_table(out, arrow_extensions_enabled=True)
    if back.schema != schema:
        raise AssertionError("read back schema\n%s\nwrote\n%s" % (back.schema, schema))
    if back.to_pylist() != table.to_pylist():
        raise AssertionError("read back %r, wrote %r" % (back.to_pylist(), table.to_pylist()))
    written = pq.ParquetFile(out).schema
    if len(written) != len(columns):
        raise AssertionError("%d columns written, %d declared" % (len(written), len(columns)))
    for i, (rep, ptype, length, col, logical, args) in enumerate(columns):
        c = written.column(i)
        want_physical = "FIXED_LEN_BYTE_ARRAY" if length else PHYSICAL[ptype]
        problems = []
        if c.name != col:
            problems.append("name %s" % c.name)
        if c.physical_type != want_physical:
            problems.append("physical type %s, declared %s" % (c.physical_type, want_physical))
        if length and c.length != length:
            problems.append("length %s, declared %s" % (c.length, length))
        if c.max_definition_level != (1 if rep == "optional" else 0):
            problems.append("repetition: definition level %d, declared %s"
                            % (c.max_definition_level, rep))
        want_type, details = expected_logical(logical, args)
        got = json.loads(c.logical_type.to_json())
        if got.get("Type") != want_type or any(got.get(k) != v for k, v in details.items()):
            problems.append("logical type %s, declared %s %s" % (got, want_type, details))
        if problems:
            raise AssertionError("column %s of %s: %s" % (col, name, "; ".join(problems)))
    return back.num_rows


def main():
    workdir, files = sys.argv[1], sys.argv[2:]
    failed = 0
    for path in files:
        try:
            if path.endswith(".avsc"):
                rows = avro_roundtrip(path, workdir)
            elif path.endswith(".parquet.txt"):
                rows = parquet_roundtrip(path, workdir)
            else:
                raise ValueError("not an Avro or Parquet schema")
            print(json.dumps({"file": path, "ok": True, "rows": rows}))
        except Exception as e:  # report every schema, not only the first that fails
            failed += 1
            print(json.dumps({"file": path, "ok": False, "error": "%s: %s" % (type(e).__name__, e),
                              "trace": traceback.format_exc()}))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
