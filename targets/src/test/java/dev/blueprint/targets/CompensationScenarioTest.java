package dev.blueprint.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.ddl.PostgresDdl;
import dev.blueprint.core.ddl.SqlStatement;
import dev.blueprint.core.kafka.TopicSpec;
import dev.blueprint.core.kafka.TopicSpecs;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.targets.git.GitPublisher;
import dev.blueprint.targets.kafka.KafkaApplier;
import dev.blueprint.targets.kafka.KafkaApplyResult;
import dev.blueprint.targets.kafka.KafkaConnection;
import dev.blueprint.targets.kafka.KafkaPlanner;
import dev.blueprint.targets.storage.StorageApplier;
import dev.blueprint.targets.storage.StorageApplyResult;
import dev.blueprint.targets.testing.Examples;
import dev.blueprint.targets.testing.TestKafka;
import dev.blueprint.targets.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engagement's provision and publish steps in the order the workflow runs them, with publish
 * failing: the compensations leave the topics and tables the engagement created gone, and what
 * existed before untouched. The workflow module runs the same through Temporal.
 */
class CompensationScenarioTest {

  @Test
  void publishFailsThenCompensationsRemoveOnlyWhatTheEngagementCreated(@TempDir Path tmp)
      throws Exception {
    Blueprint blueprint =
        Examples.load(Examples.root().resolve("examples/clickstream-analytics/blueprint.yaml"))
            .blueprint();
    String owner = blueprint.engagement().id();
    List<TopicSpec> topics =
        TopicSpecs.of(blueprint).stream()
            .map(t -> new TopicSpec(t.name(), t.partitions(), 1, singleBroker(t)))
            .toList();
    List<SqlStatement> ddl = PostgresDdl.of(blueprint);
    assertFalse(topics.isEmpty());
    assertFalse(ddl.isEmpty());

    KafkaClusterTestKit cluster = TestKafka.start(1);
    TestPostgres pg = TestPostgres.start();
    try {
      KafkaConnection kafka = KafkaConnection.of(cluster.bootstrapServers());
      try (Admin admin = kafka.admin()) {
        admin.createTopics(List.of(new NewTopic("someone-elses.v1", 1, (short) 1))).all().get();
      }
      try (Connection c = pg.jdbc();
          Statement st = c.createStatement()) {
        st.execute("CREATE TABLE public.someone_elses (id int)");
      }

      // provision
      KafkaApplyResult kafkaDone =
          new KafkaApplier(kafka).apply(new KafkaPlanner(kafka).plan(topics, owner, false));
      StorageApplyResult storageDone = new StorageApplier(pg.connection()).apply(ddl);
      assertEquals(topics.stream().map(TopicSpec::name).toList(), kafkaDone.createdTopics());
      assertFalse(storageDone.created().isEmpty());

      // publish fails: the remote does not exist
      Path repo = Files.createDirectories(tmp.resolve("generated"));
      Files.writeString(repo.resolve("README.md"), "# generated\n");
      assertThrows(
          TargetException.class,
          () ->
              new GitPublisher()
                  .publish(
                      repo,
                      1,
                      "Blueprint revision 1",
                      "Engagement " + owner,
                      owner + "@engagements.invalid",
                      Optional.of(tmp.resolve("no-such-remote.git").toString())));

      // compensations, in reverse order, each twice (activities may be retried)
      for (int i = 0; i < 2; i++) {
        new StorageApplier(pg.connection()).dropCreated(storageDone.created());
        new KafkaApplier(kafka).deleteCreated(kafkaDone.createdTopics(), owner);
      }

      try (Admin admin = kafka.admin()) {
        Set<String> left =
            TestKafka.eventually(
                () -> {
                  try {
                    return admin.listTopics().names().get();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                names -> topics.stream().noneMatch(t -> names.contains(t.name())));
        for (TopicSpec t : topics) {
          assertFalse(left.contains(t.name()), t.name() + " was created by the engagement");
        }
        assertTrue(left.contains("someone-elses.v1"));
      }
      try (Connection c = pg.jdbc();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT n.nspname || '.' || c.relname FROM pg_class c"
                      + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                      + " WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog',"
                      + " 'information_schema')")) {
        assertTrue(rs.next());
        assertEquals("public.someone_elses", rs.getString(1));
        assertFalse(rs.next(), "only the table that existed before is left");
      }
    } finally {
      pg.close();
      cluster.close();
    }
  }

  private static java.util.SortedMap<String, String> singleBroker(TopicSpec t) {
    java.util.TreeMap<String, String> c = new java.util.TreeMap<>(t.configs());
    c.put("min.insync.replicas", "1");
    return c;
  }
}
