package dev.blueprint.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.model.Zone;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamingTest {

  private static Dataset dataset(String name, Zone zone, String domain, StoreFamily store) {
    return new Dataset(
        name, null, null, domain, zone, store, null, null, null, List.of(), List.of(), List.of(),
        List.of(), null, List.of(), null);
  }

  @Test
  void validTopicNamesAreKeptAsKubernetesNames() {
    assertEquals("web.page-views.v1", Naming.k8sName("web.page-views.v1"));
    assertFalse(Naming.needsTopicName("web.page-views.v1"));
  }

  @Test
  void invalidTopicNamesAreSanitisedWithoutCollisions() {
    String a = Naming.k8sName("Orders_V1");
    String b = Naming.k8sName("orders-v1");
    String c = Naming.k8sName("orders_v1");
    assertTrue(Naming.isK8sName(a), a);
    assertTrue(a.startsWith("orders-v1-"), a);
    assertNotEquals(a, b);
    assertNotEquals(a, c);
    assertTrue(Naming.needsTopicName("Orders_V1"));
    for (String t : List.of("_x_", "a..b", "-.-", "X".repeat(249), "a.-b_", "..a")) {
      String n = Naming.k8sName(t);
      assertTrue(Naming.isK8sName(n), t + " -> " + n);
    }
  }

  @Test
  void lakePathsAndAssetUrisComeFromOneDerivation() {
    Dataset raw = dataset("page_views_raw", Zone.RAW, "web-analytics", StoreFamily.OBJECT_STORAGE);
    assertEquals("raw/web-analytics/page_views_raw", Naming.lakePath(raw));
    Dataset noDomain = dataset("x", Zone.CURATED, null, StoreFamily.OBJECT_STORAGE);
    assertEquals("curated/x", Naming.lakePath(noDomain));
    Dataset sql = dataset("attr", Zone.SERVING, "marketing", StoreFamily.RELATIONAL);
    assertEquals(
        "postgres://marketing/marketing/marketing/attr",
        Naming.assetUri(
            new dev.blueprint.core.model.Blueprint(1, null, null, null, null, null), sql));
    assertEquals(
        "kafka://kafka-kafka-bootstrap:9092/web.page-views.v1",
        Naming.topicAssetUri("kafka", "web.page-views.v1"));
  }

  @Test
  void dagFilesAreImportableModuleNames() {
    assertEquals("dags/page_views_to_lake.py", Naming.dagFile("page_views_to_lake"));
    assertEquals("dags/a_b_c.py", Naming.dagFile("a.b-c"));
    assertEquals("dags/dag_1x.py", Naming.dagFile("1x"));
  }

  @Test
  void underscoredReplacesWhatTheIdentifierPatternReplacesOneUnderscorePerCodePoint() {
    assertEquals("page_views", Naming.underscored("page_views"));
    assertEquals("a_b_c_", Naming.underscored("a.b-c\u00e9"));
    assertEquals("x_y", Naming.underscored("x\uD83D\uDE00y"), "a surrogate pair is one code point");
    assertEquals("_", Naming.underscored("\uD83D"), "a lone surrogate is one code point too");
    assertEquals("", Naming.underscored(""));
    java.util.Random random = new java.util.Random(7);
    char[] alphabet = "aZ09_.- \t/\u00e9\u4e2d\uD83D\uDE00\uDC00".toCharArray();
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        b.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = b.toString();
      assertEquals(s.replaceAll("[^A-Za-z0-9_]", "_"), Naming.underscored(s), s);
    }
  }
}
