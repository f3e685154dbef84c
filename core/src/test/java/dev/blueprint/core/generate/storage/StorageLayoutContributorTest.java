package dev.blueprint.core.generate.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.blueprint.core.generate.escape.HostileStrings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageLayoutContributorTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir Path dir;

  @Test
  void clickstreamLayoutParsesBackWithPathsZonesAndOwners() throws Exception {
    Generated g = Generated.run(Generated.clickstream(), dir, new StorageLayoutContributor());
    assertEquals(List.of("storage/README.md", "storage/layout.yaml"), List.copyOf(g.files()));
    JsonNode layout = YAML.readTree(g.read("storage/layout.yaml"));
    assertEquals("clickstream-analytics", layout.get("engagement").asText());
    List<String> names = new ArrayList<>();
    layout.get("datasets").forEach(d -> names.add(d.get("name").asText()));
    // sorted by zone (raw, clean, curated, serving), then name
    assertEquals(
        List.of(
            "orders_snapshot",
            "page_views_raw",
            "page_views_clean",
            "visitor_journeys",
            "campaign_attribution",
            "visitor_sessions"),
        names);
    JsonNode clean = find(layout, "page_views_clean");
    assertEquals("clean", clean.get("zone").asText());
    assertEquals("parquet", clean.get("format").asText());
    assertEquals("clean/web-analytics/page_views_clean/", clean.get("basePath").asText());
    assertEquals(
        "clean/web-analytics/page_views_clean/event_date={event_date}/",
        clean.get("path").asText());
    assertEquals(
        "s3://clickstream-analytics-lake/clean/web-analytics/page_views_clean/",
        clean.get("uri").asText());
    assertEquals("s3://clickstream-analytics-lake/", layout.get("lakeRoot").asText());
    assertEquals("400d", clean.get("retention").asText());
    assertEquals(400, clean.get("retentionDays").asInt());
    assertEquals("data-platform", clean.get("owner").asText());
    assertEquals("web-analytics", clean.get("domain").asText());
    assertEquals("event_id", clean.get("primaryKey").get(0).asText());
    assertEquals("tracker_id", clean.get("identityKeys").get(0).asText());
    JsonNode raw = find(layout, "page_views_raw");
    assertEquals(
        "raw/web-analytics/page_views_raw/event_time_day={event_time_day}/",
        raw.get("path").asText());
    assertEquals("web.page-views.v1", raw.get("valueSchemaOf").get(0).asText());
    JsonNode sessions = find(layout, "visitor_sessions");
    assertEquals("storage/ddl/cassandra/sessions_cluster.cql", sessions.get("ddl").asText());
    assertEquals("session_cache", layout.get("caches").get(0).get("name").asText());
    assertEquals(1800, layout.get("caches").get(0).get("ttlSeconds").asInt());

    String readme = g.read("storage/README.md");
    for (String heading :
        List.of("## Zones", "## Raw zone", "## Clean zone", "## Curated zone", "## Serving zone")) {
      assertTrue(readme.contains("\n" + heading + "\n"), heading);
    }
    assertTrue(
        readme.contains(
            "| `page_views_clean` | object storage (lake) | parquet |"
                + " `clean/web-analytics/page_views_clean/event_date={event_date}/` | 400d |"
                + " data-platform |"
                + " web-analytics |"),
        readme);
  }

  @Test
  void layoutUrisAreTheAssetUrisOfTheDags() throws Exception {
    for (Path example : Generated.exampleBlueprints()) {
      Path out = dir.resolve(example.getParent().getFileName().toString());
      Generated g =
          Generated.run(
              Generated.load(example),
              out,
              new StorageLayoutContributor(),
              new dev.blueprint.core.generate.airflow.AirflowDags());
      StringBuilder dags = new StringBuilder();
      for (String f : g.filesUnder("dags/", ".py")) {
        dags.append(g.read(f));
      }
      JsonNode layout = YAML.readTree(g.read("storage/layout.yaml"));
      int checked = 0;
      for (JsonNode d : layout.get("datasets")) {
        String asset = d.get("assetUri").asText();
        if (d.has("uri")) {
          assertEquals(d.get("uri").asText(), asset, d.get("name").asText());
          assertEquals(layout.get("lakeRoot").asText() + d.get("basePath").asText(), asset);
        }
        if (d.has("writtenBy") || d.has("readBy")) {
          assertTrue(dags.indexOf(asset) >= 0, asset + " not in the DAGs of " + example);
          checked++;
        }
      }
      assertTrue(checked > 0, example.toString());
    }
  }

  @Test
  void hostileStringsParseBackEqualFromLayoutYaml() throws Exception {
    int n = 0;
    for (String hostile : HostileStrings.all(150)) {
      Generated g =
          Generated.run(
              StoreFixtures.allStores(hostile, "extra"),
              dir.resolve("h" + n++),
              new StorageLayoutContributor());
      JsonNode layout = YAML.readTree(g.read("storage/layout.yaml"));
      for (JsonNode d : layout.get("datasets")) {
        if (hostile.isEmpty()) {
          assertTrue(!d.has("description") || d.get("description").asText().isEmpty());
        } else {
          assertEquals(hostile, d.get("description").asText(), d.get("name").asText());
        }
      }
      if (!hostile.isEmpty()) {
        assertEquals(hostile, layout.get("caches").get(0).get("description").asText());
      }
    }
  }

  @Test
  void outputIsByteIdenticalAcrossRuns() throws Exception {
    Generated a =
        Generated.run(
            Generated.clickstream(),
            dir.resolve("a"),
            new StorageLayoutContributor(),
            new SchemaContributor(),
            new DdlContributor());
    Generated b =
        Generated.run(
            Generated.clickstream(),
            dir.resolve("b"),
            new StorageLayoutContributor(),
            new SchemaContributor(),
            new DdlContributor());
    assertEquals(a.files(), b.files());
    for (String f : a.files()) {
      String text = a.read(f);
      assertEquals(text, b.read(f), f);
      assertTrue(!text.contains("\r"), f);
      assertTrue(text.endsWith("\n"), f);
    }
  }

  private static JsonNode find(JsonNode layout, String name) {
    for (JsonNode d : layout.get("datasets")) {
      if (d.get("name").asText().equals(name)) {
        return d;
      }
    }
    throw new AssertionError("no dataset " + name);
  }
}
