<#-- docs/architecture.md: the architecture on one page, with the data-flow diagram. -->
<#assign e = blueprint.engagement!{}>
<#assign a = blueprint.architectureOrEmpty()>
# Architecture<#if e.title?has_content>: ${esc.md(e.title)}</#if>

<#if e.businessProblem?has_content>
**Business problem.** ${esc.md(e.businessProblem)}

</#if>
<#if e.coreProblem?has_content>
**Core problem.** ${esc.md(e.coreProblem)}

</#if>
<#if e.problemOwner?? && e.problemOwner.name?has_content>
**Problem owner.** ${esc.md(e.problemOwner.name)}<#if e.problemOwner.role?has_content>, ${esc.md(e.problemOwner.role)}</#if>

</#if>
<#if e.existingSystem??>
<#assign x = e.existingSystem>
## Existing system

This engagement improves a system that runs today<#if x.description?has_content>: ${esc.md(x.description)}<#else>.</#if>

<#if x.components?has_content>
Components today:

<#list x.components as c>
- ${esc.md(c)}
</#list>

</#if>
<#if x.painPoints?has_content>
What hurts today:

<#list x.painPoints as p>
- ${esc.md(p)}
</#list>

</#if>
</#if>
## Data flow

Sources feed streams, pipelines turn streams and datasets into datasets, and consumers read
them. Every arrow comes from the blueprint: stream producers and consumers, task inputs and
outputs, consumer reads and caches; dashed arrows are references between datasets.

```mermaid
flowchart LR
<#list flow.groups() as g>
  subgraph ${g.id}["${esc.mermaid(g.title)}"]
<#list g.nodes as n>
    ${n.id}["${esc.mermaid(n.label)}"]
</#list>
  end
</#list>
<#list flow.edges() as edge>
<#if edge.dashed>
  ${edge.from} -.->|${esc.mermaid(edge.label)}| ${edge.to}
<#else>
  ${edge.from} --> ${edge.to}
</#if>
</#list>
```
<#if blueprint.sources?has_content>

## Sources

| Source | Kind | Events/s (avg / peak) | Size | Schema | Description |
| --- | --- | --- | --- | --- | --- |
<#list blueprint.sources as s>
| ${esc.mdcode(s.id)} | ${(s.kind?? )?then(s.kind?lower_case?replace("_", "-"), "-")} | <#if s.volume?? && s.volume.eventsPerSecond??>${s.volume.eventsPerSecond} / ${s.volume.peakOrAverage()}<#else>-</#if> | ${sizes[s.id]!"-"} | ${(s.schemaStability??)?then(s.schemaStability?lower_case, "-")} | ${esc.md(s.description!"")} |
</#list>
</#if>
<#if a.streams?has_content>

## Streams

| Stream | Platform | Partitions | Replication (min ISR) | Retention | Cleanup | Key | Value schema | Producers | Consumers |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
<#list a.streams as s>
| ${esc.mdcode(s.name)} | ${s.platformOrKafka()?lower_case?replace("_", "-")} | ${s.partitions!"-"} | ${s.replication!"-"}<#if s.minInsyncReplicas??> (${s.minInsyncReplicas})</#if> | ${durations[s.name]!"-"} | ${(s.cleanupPolicy??)?then(s.cleanupPolicy.kafkaValue(), "-")} | ${esc.mdcode(s.key!"-")} | <#if s.valueSchema?has_content>[${esc.md(s.valueSchema)}](../storage/schemas/${schemaFiles[s.name]})<#else>-</#if> | <#list s.producers as p>${esc.mdcode(p)}<#sep>, </#sep><#else>-</#list> | <#list s.consumers as c>${esc.mdcode(c)}<#sep>, </#sep><#else>-</#list> |
</#list>
</#if>
<#if pipelines?has_content>

## Pipelines

Each pipeline is one Airflow DAG.

| Pipeline | Schedule | Owner | Reads | Writes | DAG |
| --- | --- | --- | --- | --- | --- |
<#list pipelines as p>
| ${esc.mdcode(p.id)} | ${esc.mdcode(p.schedule)} | ${esc.md(p.owner)} | <#list p.reads as r>${esc.mdcode(r)}<#sep>, </#sep><#else>-</#list> | <#list p.writes as w>${esc.mdcode(w)}<#sep>, </#sep><#else>-</#list> | [${esc.md(p.dagFile)}](../${p.dagFile}) |
</#list>
</#if>
<#if a.datasets?has_content>

## Datasets

Zones, paths, formats, schemas and DDL are in [../storage/README.md](../storage/README.md).

| Dataset | Zone | Store | Format | Owner | Retention | Description |
| --- | --- | --- | --- | --- | --- | --- |
<#list datasets as d>
| ${esc.mdcode(d.name)} | ${d.zone} | ${esc.md(d.technology)} | ${d.format!"-"} | ${esc.md(d.owner!"-")} | ${d.retention!"-"} | ${esc.md(d.description!"")} |
</#list>
</#if>
<#if a.caches?has_content>

## Caches

| Cache | Caches | Key pattern | TTL | Write policy |
| --- | --- | --- | --- | --- |
<#list caches as c>
| ${esc.mdcode(c.name)} | ${esc.mdcode(c.systemOfRecord!"-")} | ${esc.mdcode(c.keyPattern)} | ${c.ttl!"none"} | ${esc.md(c.writePolicy!"-")} |
</#list>
</#if>
<#if blueprint.consumers?has_content>

## Consumers

| Consumer | Reads | Freshness | Tolerated outage | Description |
| --- | --- | --- | --- | --- |
<#list blueprint.consumers as c>
| ${esc.mdcode(c.id)} | <#list c.reads as r>${esc.mdcode(r)}<#sep>, </#sep><#else>-</#list> | ${durations["consumer latency " + c.id]!"-"} | ${durations["consumer outage " + c.id]!"-"} | ${esc.md(c.description!"")} |
</#list>
</#if>

## Requirements

<#if functional?has_content>
### Functional

| ID | Requirement |
| --- | --- |
<#list functional as r>
| <a id="${r.anchor}"></a>${esc.md(r.id)} | ${esc.md(r.text)} |
</#list>

</#if>
<#if nonFunctional?has_content>
### Non-functional

| ID | Requirement | Category | Target | Scope | Time frame |
| --- | --- | --- | --- | --- | --- |
<#list nonFunctional as r>
| <a id="${r.anchor}"></a>${esc.md(r.id)} | ${esc.md(r.text)}<#if !r.measurable> **Not measurable yet:** ask the problem owner for the metric, number, unit, scope and time frame.</#if> | ${r.category?has_content?then(r.category, "-")} | ${r.target?has_content?then(esc.md(r.target), "-")} | ${r.scope?has_content?then(esc.md(r.scope), "-")} | ${r.timeFrame?has_content?then(esc.md(r.timeFrame), "-")} |
</#list>

</#if>
<#if !functional?has_content && !nonFunctional?has_content>
The blueprint lists no requirements.

</#if>
## Decisions

<#if decisions?has_content>
<#list decisions as v>
- [${v.number}: ${esc.md(v.title)}](decisions/${v.file}) (${v.status})<#if v.decision.chosen?has_content>: ${esc.md(v.decision.chosen)}</#if>
</#list>
<#else>
No decisions are recorded yet.
</#if>
