<#--
  The machine-readable topic plan: what `blueprint kafka plan|apply` compares a cluster against.
  Read by dev.blueprint.core.kafka.TopicPlanFile. Values from TopicSpecs, topics sorted by name.
-->
{
  "format": 1,
  "generator": "blueprint",
  "strimziCluster": ${esc.json(options.strimziCluster)},
  "topics": [
<#list topics as t>
    {
      "name": ${esc.json(t.name)},
      "kubernetesName": ${esc.json(t.k8sName)},
      "partitions": ${t.partitions},
      "replicationFactor": ${t.replicationFactor},
      "configs": {
<#list t.configs as c>
        ${esc.json(c.key)}: ${esc.json(c.value)}<#sep>,</#sep>
</#list>
      }
    }<#sep>,</#sep>
</#list>
  ]
}
