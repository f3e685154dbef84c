package dev.blueprint.targets.stores;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.blueprint.targets.TargetException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Where the Cassandra cluster is: contact points {@code HOST:PORT[,HOST:PORT...]}, the local data
 * centre (the driver routes requests to its nodes only, and the keyspaces blueprint creates are
 * replicated in it) and, optionally, a user and password (plain-text authentication). Connecting
 * and each request time out after 10 s, so a node that is down is one clear error.
 *
 * @param contactPoints {@code HOST:PORT[,HOST:PORT...]}; an IPv6 host in brackets, {@code
 *     [::1]:9042}
 * @param localDatacenter the local data centre's name; {@code datacenter1} when null or blank
 * @param user the user, or null for none
 * @param password the password, or null
 */
public record CassandraConnection(
    String contactPoints, String localDatacenter, String user, String password) {

  /** The data centre name of a node that was never told otherwise (SimpleSnitch's). */
  public static final String DEFAULT_DATACENTER = "datacenter1";

  /** Connect and request timeout. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  public CassandraConnection {
    addresses(contactPoints); // validates
    localDatacenter =
        localDatacenter == null || localDatacenter.isBlank()
            ? DEFAULT_DATACENTER
            : localDatacenter.strip();
    if (user != null && user.isBlank()) {
      user = null;
    }
  }

  /** Contact points, data centre {@code datacenter1}, no authentication. */
  public CassandraConnection(String contactPoints) {
    this(contactPoints, null, null, null);
  }

  /** The contact points and data centre, without credentials: safe to print. */
  public String where() {
    return String.join(",", addresses(contactPoints)) + " (data centre " + localDatacenter + ")";
  }

  /**
   * A session on the cluster; the caller closes it. Fails with a {@link TargetException} naming the
   * address when no contact point answers within 10 s, or when none of the nodes is in the local
   * data centre (the driver would then have no node to send a request to).
   */
  public CqlSession open() {
    DriverConfigLoader config =
        DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, TIMEOUT)
            .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, TIMEOUT)
            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, TIMEOUT)
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, TIMEOUT)
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, TIMEOUT)
            // after each schema change the driver waits until every node has it, up to this
            .withDuration(
                DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
            .withBoolean(DefaultDriverOption.RECONNECT_ON_INIT, false)
            // token-aware routing is for data, not schema changes; computing it warns about
            // every keyspace whose replication factor exceeds the data centre's nodes
            .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
            // nothing is in flight when blueprint closes a session: no need for Netty's 2 s
            .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
            .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
            .build();
    List<InetSocketAddress> points = new ArrayList<>();
    for (String hp : addresses(contactPoints)) {
      int colon = hp.lastIndexOf(':');
      String host = hp.substring(0, colon).replace("[", "").replace("]", "");
      InetSocketAddress a = new InetSocketAddress(host, Integer.parseInt(hp.substring(colon + 1)));
      if (a.isUnresolved()) {
        throw new TargetException(
            "cannot connect to Cassandra at " + where() + ": unknown host " + host);
      }
      points.add(a);
    }
    var builder =
        CqlSession.builder()
            .withConfigLoader(config)
            .addContactPoints(points)
            .withLocalDatacenter(localDatacenter);
    if (user != null) {
      builder = builder.withAuthCredentials(user, password == null ? "" : password);
    }
    CqlSession session;
    try {
      session = builder.build();
    } catch (AllNodesFailedException e) {
      throw new TargetException("cannot connect to Cassandra at " + where() + ": " + causes(e), e);
    } catch (DriverException | IllegalStateException e) {
      throw new TargetException(
          "cannot connect to Cassandra at " + where() + ": " + e.getMessage(), e);
    }
    TreeSet<String> datacenters = new TreeSet<>();
    for (Node n : session.getMetadata().getNodes().values()) {
      datacenters.add(String.valueOf(n.getDatacenter()));
    }
    if (!datacenters.contains(localDatacenter)) {
      session.close();
      throw new TargetException(
          "Cassandra at "
              + where()
              + " has no node in data centre "
              + localDatacenter
              + "; its nodes are in "
              + String.join(", ", datacenters)
              + " (give the local data centre's name, as nodetool status shows it)");
    }
    return session;
  }

  /** Each address and why it failed, without the driver's stack of wrappers. */
  private static String causes(AllNodesFailedException e) {
    List<String> out = new ArrayList<>();
    e.getAllErrors()
        .forEach(
            (node, errors) -> {
              String why = "failed";
              if (!errors.isEmpty()) {
                // the innermost cause that says something, else the driver's own words
                for (Throwable t = errors.get(errors.size() - 1); t != null; t = t.getCause()) {
                  if (t.getMessage() != null) {
                    why = t.getMessage();
                  }
                }
              }
              out.add(node.getEndPoint() + ": " + why);
            });
    return out.isEmpty() ? e.getMessage() : String.join("; ", out);
  }

  /** The contact points, validated; throws a {@link TargetException} naming a bad one. */
  private static List<String> addresses(String contactPoints) {
    if (contactPoints == null || contactPoints.isBlank()) {
      throw new TargetException(
          "Cassandra contact points are needed (HOST:PORT[,HOST:PORT...]), got none");
    }
    List<String> out = new ArrayList<>();
    for (String raw : contactPoints.split(",", -1)) {
      String hp = raw.strip();
      int colon = hp.lastIndexOf(':');
      String host = colon < 0 ? "" : hp.substring(0, colon);
      String port = colon < 0 ? "" : hp.substring(colon + 1);
      boolean bracketed = host.startsWith("[") && host.endsWith("]") && host.length() > 2;
      boolean validHost =
          !host.isEmpty()
              && (bracketed || !host.contains(":"))
              && host.chars().noneMatch(c -> Character.isWhitespace(c) || c == '/');
      if (!validHost || !validPort(port)) {
        throw new TargetException(
            "not a Cassandra contact point (HOST:PORT, port 1-65535): '"
                + hp
                + "' in '"
                + contactPoints
                + "'");
      }
      out.add(hp);
    }
    return out;
  }

  private static boolean validPort(String port) {
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int p = Integer.parseInt(port);
    return p >= 1 && p <= 65535;
  }
}
