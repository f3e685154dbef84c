// Loaded by mongosh BEFORE a generated MongoDB script, in the tests only. FerretDB v1 (the only
// MongoDB-compatible server the project's registries offer) answers "not implemented" to collection
// validators (create's validator, validationLevel, validationAction), to collMod, and to TTL
// indexes (createIndex's expireAfterSeconds). This shim takes exactly those options out of the
// calls, records them for the test to compare with the blueprint, and sends the rest to the server
// unchanged; ferretdb_v1_report.js prints the record after the script. Everything else the script
// does (its JavaScript, the database and collection names, which branch it takes, the indexes'
// keys, names and uniqueness) runs against the server as written.
const __blueprintWithheld = { create: [], collMod: [], ttl: [] };
{
  const dbProto = Object.getPrototypeOf(db);
  const createCollection = dbProto.createCollection;
  dbProto.createCollection = function (name, options) {
    const rest = Object.assign({}, options || {});
    const withheld = {};
    for (const k of ["validator", "validationLevel", "validationAction"]) {
      if (k in rest) {
        withheld[k] = rest[k];
        delete rest[k];
      }
    }
    __blueprintWithheld.create.push({ db: this.getName(), name: name, options: withheld });
    return createCollection.call(this, name, rest);
  };
  const runCommand = dbProto.runCommand;
  dbProto.runCommand = function (command, options) {
    if (command && typeof command === "object" && "collMod" in command) {
      __blueprintWithheld.collMod.push({ db: this.getName(), command: command });
      return { ok: 1 };
    }
    return runCommand.call(this, command, options);
  };
  const collProto = Object.getPrototypeOf(db.getCollection("blueprint_shim_probe"));
  const createIndex = collProto.createIndex;
  collProto.createIndex = function (keys, options) {
    const rest = Object.assign({}, options || {});
    if ("expireAfterSeconds" in rest) {
      __blueprintWithheld.ttl.push({
        db: this.getDB().getName(),
        collection: this.getName(),
        name: rest.name,
        expireAfterSeconds: rest.expireAfterSeconds,
      });
      delete rest.expireAfterSeconds;
    }
    return createIndex.call(this, keys, rest);
  };
}
