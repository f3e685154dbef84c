<#-- The CSV layout of one dataset: header line, dialect and column formats. -->
# CSV layout of ${esc.md(dataset.name)}

<#if dataset.description?has_content>
${esc.md(dataset.description)}

</#if>
## Header line

Every file starts with this header line:

${fence}csv
${header}
${fence}

## Dialect

| Setting | Value |
| --- | --- |
| Delimiter | comma (`${delimiter}`) |
| Quote character | double quote (`${quote}`); a quote inside a quoted field is doubled (`""`) |
| Quoting | only fields that hold a delimiter, quote, line break or leading/trailing space |
| Encoding | ${encoding} |
| Line end | ${lineEnd}; line breaks inside quoted fields are kept |
| Header | one header line, the field names in this order |
| Null marker | an empty unquoted field; an empty string is written as `""` |

## Columns

| # | Column | Type | Nullable | Written as | Description |
| --- | --- | --- | --- | --- | --- |
<#list columns as c>
| ${c?counter} | ${esc.mdcode(c.name)} | ${c.type} | ${c.nullable?then("yes", "no")} | ${esc.md(c.textFormat)} | ${esc.md(c.description)} |
</#list>
