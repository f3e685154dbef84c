# Redis ${(keyspace.kind == "cache")?then("cache", "key space")} ${esc.md(keyspace.name)}

<#if keyspace.description?has_content>
${esc.md(keyspace.description)}

</#if>
| Setting | Value |
| --- | --- |
| Key pattern | ${esc.mdcode(keyspace.keyPattern)} |
| TTL | <#if keyspace.ttl??>${esc.md(keyspace.ttl)} (`EX ${keyspace.ttlSeconds?c}`)<#else>none: entries never expire</#if> |
<#if keyspace.writePolicy??>
| Write policy | ${esc.md(keyspace.writePolicy)} |
</#if>
<#if keyspace.systemOfRecord??>
| System of record | ${esc.mdcode(keyspace.systemOfRecord)}<#if keyspace.systemOfRecordLocation??> (${esc.md(keyspace.systemOfRecordLocation)})</#if> |
<#else>
| System of record | <#if keyspace.kind == "cache">none named: name the dataset it caches<#else>this key space is derived data; the pipelines that write it can rebuild it</#if> |
</#if>

<#if keyspace.writePolicyText??>
## How reads and writes go

${esc.md(keyspace.writePolicyText)}

</#if>
<#if keyspace.fields?has_content>
## Value

One Redis hash per key, with these fields:

<#list keyspace.fields as f>
- ${esc.md(f)}
</#list>

</#if>
## Commands

`<key>` is the key pattern with each `{field}` replaced by the record's value:

```
<#if keyspace.ttl??>
HSET <key> <field> <value> [<field> <value> ...]
EXPIRE <key> ${keyspace.ttlSeconds?c}
<#else>
HSET <key> <field> <value> [<field> <value> ...]
</#if>
HGETALL <key>
```

Redis is <#if keyspace.kind == "cache">never the system of record: the application must work, only slower, on a miss or when Redis is down. Set `maxmemory` and `maxmemory-policy allkeys-lru` so that the cache evicts instead of refusing writes.<#else>a serving copy here: keep persistence (AOF) on and `maxmemory-policy volatile-ttl` or `noeviction`, so that live keys are not evicted silently.</#if>
