<#-- storage/README.md: the storage layout for people; layout.yaml holds the same for machines. -->
# Storage layout

<#if blueprint.engagement?? && blueprint.engagement.title?has_content>
Where the data of ${esc.md(blueprint.engagement.title)} lives: zones, paths, formats, retention and owners.
<#else>
Where the data lives: zones, paths, formats, retention and owners.
</#if>
The same facts, for scripts, are in [`layout.yaml`](layout.yaml); the schemas are in
[`schemas/`](schemas/)<#if hasDdl> and the DDL per store in [`ddl/`](ddl/)</#if><#if hasRedis> and [`redis/`](redis/)</#if>.

## Zones

| Zone | Purpose | Datasets |
| --- | --- | --- |
<#list zones as z>
| ${z.name} | ${esc.md(z.purpose)} | <#list z.entries as e>${esc.mdcode(e.name)}<#sep>, </#sep><#else>none</#list> |
</#list>
<#if hasLake>

## Lake paths

Paths are relative to the lake bucket ${esc.mdcode(lakeRoot)}; the Airflow DAGs name the same
folders in their Asset URIs. Use another object store by changing the scheme and bucket only.
Partition folders are Hive-style `column=value`; a value in braces is filled in per partition:

| Partition transform | Folder value | Example |
| --- | --- | --- |
| identity | the field's value | `event_date=2026-01-31/` |
| year | `yyyy` | `order_time_year=2026/` |
| month | `yyyy-MM` | `journey_date_month=2026-01/` |
| day | `yyyy-MM-dd` | `event_time_day=2026-01-31/` |
| hour | `yyyy-MM-dd-HH` | `read_at_hour=2026-01-31-23/` |

Times are cut into partitions in UTC. Writers add files to a partition folder and never rewrite
another partition; a rerun replaces the whole folder of its partition.
</#if>
<#list zones as z>
<#if z.entries?has_content>

## ${z.title} zone

${esc.md(z.purpose)}

| Dataset | Store | Format | Location | Retention | Owner | Domain |
| --- | --- | --- | --- | --- | --- | --- |
<#list z.entries as e>
| ${esc.mdcode(e.name)} | ${esc.md(e.technology)} | ${e.format!"-"} | ${e.path???then(esc.mdcode(e.path!""), esc.md(e.location))} | ${e.retention!"kept"} | ${esc.md(e.owner!"-")} | ${esc.md(e.domain!"-")} |
</#list>
<#list z.entries as e>

### ${esc.md(e.name)}

<#if e.description?has_content>
${esc.md(e.description)}

</#if>
<#if e.primaryKey?has_content>
- Primary key: <#list e.primaryKey as k>${esc.mdcode(k)}<#sep>, </#sep></#list>
</#if>
<#if e.identityKeys?has_content>
- Identity keys (same person or thing across sources): <#list e.identityKeys as k>${esc.mdcode(k)}<#sep>, </#sep></#list>
</#if>
<#if e.partitioning?has_content>
- Partitioned by: ${esc.md(e.partitioningText())}
</#if>
<#if e.retention??>
- Retention: ${e.retention} (${e.retentionDays?c} days); older data is removed by <#switch e.store><#case "object-storage">an object-storage lifecycle rule on its folder, or by dropping old partitions<#break><#case "wide-column">the table's default_time_to_live<#break><#case "document">a TTL index<#break><#case "key-value">the keys' TTL<#break><#default>a scheduled delete job (the store has no TTL)</#switch>
</#if>
<#list e.references as r>
- References: ${esc.md(r)}
</#list>
<#list e.schemaFiles as f>
- Schema: [${esc.md(f?keep_after("storage/"))}](${f?keep_after("storage/")})
</#list>
<#if e.ddlFile??>
- Created by: [${esc.md(e.ddlFile?keep_after("storage/"))}](${e.ddlFile?keep_after("storage/")})
</#if>
<#if e.writtenBy?has_content>
- Written by: <#list e.writtenBy as w>${esc.mdcode(w)}<#sep>, </#sep></#list>
</#if>
<#if e.readBy?has_content>
- Read by: <#list e.readBy as r>${esc.mdcode(r)}<#sep>, </#sep></#list>
</#if>
<#if e.consumers?has_content>
- Consumers: <#list e.consumers as r>${esc.mdcode(r)}<#sep>, </#sep></#list>
</#if>
<#if e.valueSchemaOf?has_content>
- Message values of stream<#if (e.valueSchemaOf?size > 1)>s</#if>: <#list e.valueSchemaOf as r>${esc.mdcode(r)}<#sep>, </#sep></#list>
</#if>
<#if e.cachedBy?has_content>
- Cached by: <#list e.cachedBy as r>${esc.mdcode(r)}<#sep>, </#sep></#list>
</#if>
</#list>
</#if>
</#list>
<#if caches?has_content>

## Caches

Redis caches sit in front of a system of record and are never the only copy of the data.

| Cache | Key pattern | TTL | Write policy | System of record |
| --- | --- | --- | --- | --- |
<#list caches as c>
| [${esc.md(c.name)}](${c.file?keep_after("storage/")}) | ${esc.mdcode(c.keyPattern)} | ${c.ttl!"none"} | ${esc.md(c.writePolicy!"-")} | ${esc.mdcode(c.systemOfRecord!"-")} |
</#list>
</#if>
