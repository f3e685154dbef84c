// Prints what ferretdb_v1_shim.js withheld from the server, after the generated script ran.
print("BLUEPRINT-WITHHELD " + EJSON.stringify(__blueprintWithheld, { relaxed: true }));
