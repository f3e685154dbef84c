package dev.blueprint.targets.stores;

import dev.blueprint.targets.TargetException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * Where the Neo4j server is: a {@code neo4j://}, {@code neo4j+s://}, {@code bolt://} or {@code
 * bolt+s://} URI and, optionally, a user and password (authentication off otherwise), as
 * cypher-shell takes them. Connecting times out after 10 s, so a server that is down is one clear
 * error.
 *
 * @param uri the server's URI, without credentials
 * @param user the user, or null
 * @param password the password, or null
 */
public record Neo4jConnection(String uri, String user, String password) {

  private static final Set<String> SCHEMES =
      Set.of("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc");

  public Neo4jConnection {
    String scheme;
    try {
      URI parsed = new URI(uri == null ? "" : uri);
      scheme = parsed.getScheme();
      if (parsed.getUserInfo() != null) {
        throw new TargetException(
            "the Neo4j URI "
                + parsed.getHost()
                + " carries credentials: pass the user and"
                + " password apart (NEO4J_USERNAME, NEO4J_PASSWORD)");
      }
      if (parsed.getHost() == null) {
        scheme = null;
      }
    } catch (URISyntaxException e) {
      scheme = null;
    }
    if (scheme == null || !SCHEMES.contains(scheme)) {
      throw new TargetException(
          "a Neo4j URI is needed (neo4j://HOST:PORT or bolt://HOST:PORT), got " + uri);
    }
  }

  /** The URI as printed: it carries no credentials. */
  public String where() {
    return uri;
  }

  /** A driver that has reached the server; the caller closes it. */
  public Driver open() {
    AuthToken auth =
        user == null && password == null
            ? AuthTokens.none()
            : AuthTokens.basic(user == null ? "neo4j" : user, password == null ? "" : password);
    Config config =
        Config.builder()
            .withConnectionTimeout(10, TimeUnit.SECONDS)
            .withConnectionAcquisitionTimeout(10, TimeUnit.SECONDS)
            .withMaxTransactionRetryTime(0, TimeUnit.SECONDS)
            .withLogging(Logging.none())
            .withUserAgent("blueprint")
            .build();
    Driver driver = GraphDatabase.driver(uri, auth, config);
    try {
      driver.verifyConnectivity();
      return driver;
    } catch (Neo4jException | IllegalStateException e) {
      driver.close();
      throw new TargetException("cannot connect to Neo4j at " + uri + ": " + e.getMessage(), e);
    }
  }
}
