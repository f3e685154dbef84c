<#-- One architecture decision record in MADR 4 format. -->
<#assign d = view.decision>
---
${view.frontMatter}---

# ${esc.md(view.title)}

<#if d.id?has_content>
Record ${esc.mdcode(d.id)} of the blueprint.

</#if>
## Context and Problem Statement

<#if d.context?has_content>
${esc.md(d.context)}
<#else>
The blueprint gives no context for this decision yet.
</#if>
<#if view.drivers?has_content>

## Decision Drivers

<#list view.drivers as driver>
<#if driver.requirement??>
<#assign r = driver.requirement>
* [${esc.md(r.id)}](../architecture.md#${r.anchor}): ${esc.md(r.text)}<#if r.target?has_content> (${esc.md(r.target)}<#if r.scope?has_content>, ${esc.md(r.scope)}</#if><#if r.timeFrame?has_content>, ${esc.md(r.timeFrame)}</#if>)</#if>
<#else>
* ${esc.md(driver.text)}
</#if>
</#list>
</#if>
<#if d.options?has_content>

## Considered Options

<#list d.options as o>
* ${esc.md(o.name)}
</#list>
</#if>

## Decision Outcome

<#if d.chosen?has_content>
Chosen option: "${esc.md(d.chosen)}", because <#if d.rationale?has_content>${esc.md(d.rationale)}<#else>the blueprint gives no rationale yet.</#if>
<#else>
No option has been chosen yet.
</#if>
<#if d.consequences?? && (d.consequences.good?has_content || d.consequences.bad?has_content)>

### Consequences

<#list d.consequences.good as c>
* Good, because ${esc.md(c)}
</#list>
<#list d.consequences.bad as c>
* Bad, because ${esc.md(c)}
</#list>
</#if>

### Confirmation

<#if d.confirmation?has_content>
${esc.md(d.confirmation)}
<#else>
The blueprint names no confirmation yet: say how compliance with this decision will be checked.
</#if>
<#if d.options?has_content>

## Pros and Cons of the Options
<#list d.options as o>

### ${esc.md(o.name)}
<#if o.description?has_content>

${esc.md(o.description)}
</#if>

<#list o.pros as p>
* Good, because ${esc.md(p)}
</#list>
<#list o.cons as c>
* Bad, because ${esc.md(c)}
</#list>
<#if !o.pros?has_content && !o.cons?has_content>
* Neutral, because no pros or cons were recorded
</#if>
</#list>
</#if>
