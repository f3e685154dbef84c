// Prints one database's collections (name, options) and their indexes (name, key, unique, TTL) as
// a line of relaxed extended JSON. The database name comes in the environment: BLUEPRINT_DB.
{
  const target = db.getSiblingDB(process.env.BLUEPRINT_DB);
  const out = {};
  for (const info of target.getCollectionInfos()) {
    const indexes = {};
    for (const i of target.getCollection(info.name).getIndexes()) {
      indexes[i.name] = { key: i.key, unique: i.unique === true };
      if (i.expireAfterSeconds !== undefined) {
        indexes[i.name].expireAfterSeconds = i.expireAfterSeconds;
      }
    }
    out[info.name] = { type: info.type, options: info.options, indexes: indexes };
  }
  print("BLUEPRINT-SNAPSHOT " + EJSON.stringify(out, { relaxed: true }));
}
