<#-- docs/decisions/README.md: the index of decision records. -->
# Architecture decision records

The decisions behind this architecture, one file each in [MADR 4](https://adr.github.io/madr/)
format. Each names its drivers (linked to the requirements in
[../architecture.md](../architecture.md#requirements)), the options considered with their pros
and cons, and the chosen option with its consequences.

<#if decisions?has_content>
| # | Decision | Status | Date | Chosen option |
| --- | --- | --- | --- | --- |
<#list decisions as v>
| ${v.number} | [${esc.md(v.title)}](${v.file}) | ${v.status} | ${v.date?has_content?then(v.date, "-")} | ${esc.md(v.decision.chosen!"-")} |
</#list>
<#else>
The blueprint records no decisions yet.
</#if>
