package dev.blueprint.core.generate.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.blueprint.core.generate.storage.DdlContributor;
import dev.blueprint.core.generate.storage.Generated;
import dev.blueprint.core.generate.storage.StoreFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the generated Makefile with GNU make, against stand-ins for psql, cqlsh, cypher-shell,
 * mongosh and kubectl that record their arguments: the targets must run exactly the commands the
 * README documents, pass connection strings through untouched, and refuse to run without them.
 */
class MakefileTest {
  @TempDir Path dir;

  record Run(int exit, String output, String log) {}

  @Test
  void storageTargetRunsEveryClientWithItsOwnConnection() throws Exception {
    assumeTrue(has("make"), "GNU make is not installed");
    Path repo = dir.resolve("repo");
    Generated.run(
        StoreFixtures.allStores("plain", "extra"),
        repo,
        new DdlContributor(),
        new RepositoryReadmeContributor());
    String tricky = "postgresql://u:p$a\"s s@h/ledger";
    Run run =
        make(
            repo,
            Map.of(
                "PG_URL_LEDGER", tricky,
                "CASSANDRA_HOST_EVENTS_CLUSTER", "cass-1",
                "NEO4J_URI_GRAPH_DB", "neo4j://n:7687",
                "NEO4J_USER", "neo4j",
                "NEO4J_PASSWORD", "secret",
                "MONGODB_URI_CRM_DOCS", "mongodb://m:27017"),
            "storage");
    assertEquals(0, run.exit(), run.output());
    assertEquals(
        List.of(
            "psql|" + tricky + "|-v|ON_ERROR_STOP=1|-f|storage/ddl/postgres/ledger.sql",
            "cqlsh|cass-1|-f|storage/ddl/cassandra/events_cluster.cql",
            "cypher-shell|-a|neo4j://n:7687|-u|neo4j|-p|secret|-d|graph-db|-f|storage/ddl/neo4j/graph-db.cypher",
            "mongosh|mongodb://m:27017|--file|storage/ddl/mongodb/crm_docs.js"),
        List.of(run.log().strip().split("\n")));
    String readme = Files.readString(repo.resolve("README.md"), StandardCharsets.UTF_8);
    assertTrue(
        readme.contains(
            "psql \"$PG_URL_LEDGER\" -v ON_ERROR_STOP=1 -f storage/ddl/postgres/ledger.sql\n"),
        readme);
    for (String file :
        List.of(
            "storage/ddl/postgres/ledger.sql",
            "storage/ddl/cassandra/events_cluster.cql",
            "storage/ddl/neo4j/graph-db.cypher",
            "storage/ddl/mongodb/crm_docs.js")) {
      assertTrue(Files.isRegularFile(repo.resolve(file)), file);
    }
  }

  @Test
  void aMissingConnectionStopsWithAMessage() throws Exception {
    assumeTrue(has("make"), "GNU make is not installed");
    Path repo = dir.resolve("repo");
    Generated.run(
        StoreFixtures.allStores("plain", "extra"),
        repo,
        new DdlContributor(),
        new RepositoryReadmeContributor());
    Run run = make(repo, Map.of(), "storage");
    assertNotEquals(0, run.exit());
    assertTrue(run.output().contains("set PG_URL_LEDGER, e.g. postgresql://"), run.output());
    assertEquals("", run.log());
  }

  @Test
  void clickstreamHelpAndDeployPlan() throws Exception {
    assumeTrue(has("make"), "GNU make is not installed");
    Path repo = dir.resolve("repo");
    Generated.run(Generated.clickstream(), repo, new RepositoryReadmeContributor());
    Run help = make(repo, Map.of(), "help");
    assertEquals(0, help.exit(), help.output());
    for (String target :
        List.of(
            "deploy",
            "topics",
            "topics-script",
            "storage",
            "ddl-postgres-marketing_reporting",
            "ddl-cassandra-sessions_cluster",
            "dags")) {
      assertTrue(help.output().contains("  " + target + " "), target + " in\n" + help.output());
    }
    Run plan = make(repo, Map.of("AIRFLOW_DAGS_FOLDER", "/srv/airflow/dags"), "-n", "deploy");
    assertEquals(0, plan.exit(), plan.output());
    assertTrue(
        plan.output().contains("kubectl apply -n \"kafka\" -f kafka/topics/"), plan.output());
    assertTrue(
        plan.output()
            .contains("cp -R dags jobs scripts sql \"/srv/airflow/dags/clickstream-analytics/\""),
        plan.output());
  }

  private Run make(Path repo, Map<String, String> env, String... args) throws Exception {
    Path bin = dir.resolve("bin");
    Path log = dir.resolve("calls.log");
    Files.createDirectories(bin);
    Files.writeString(log, "");
    for (String tool : List.of("psql", "cqlsh", "cypher-shell", "mongosh", "kubectl")) {
      Path script = bin.resolve(tool);
      Files.writeString(
          script,
          "#!/bin/bash\n"
              + "out=\"$(basename \"$0\")\"\n"
              + "for a in \"$@\"; do out=\"$out|$a\"; done\n"
              + "printf '%s\\n' \"$out\" >> \""
              + log
              + "\"\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    List<String> command = new java.util.ArrayList<>(List.of("make", "--no-print-directory"));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.matches("(PG_URL|CASSANDRA_HOST|NEO4J|MONGODB_URI|AIRFLOW).*"));
    e.put("PATH", bin + ":" + e.getOrDefault("PATH", "/usr/bin:/bin"));
    e.putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "make did not finish");
    return new Run(p.exitValue(), out, Files.readString(log, StandardCharsets.UTF_8));
  }

  static boolean has(String tool) {
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
