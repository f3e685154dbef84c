package dev.blueprint.targets.storage;

import dev.blueprint.targets.TargetException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the PostgreSQL database is: a JDBC URL ({@code jdbc:postgresql://HOST:PORT/DB}) and,
 * optionally, a user and password (otherwise the URL's or the driver's defaults, e.g. PGPASSWORD
 * passed by the caller). Connections time out after 10 s so that a database that is down is one
 * clear error.
 *
 * @param jdbcUrl the JDBC URL
 * @param user the user, or null
 * @param password the password, or null
 */
public record StorageConnection(String jdbcUrl, String user, String password) {

  public StorageConnection {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new TargetException(
          "a PostgreSQL JDBC URL is needed (jdbc:postgresql://HOST:PORT/DATABASE), got " + jdbcUrl);
    }
  }

  /** The URL without its query string, which may carry a password: safe to print. */
  public String safeUrl() {
    int q = jdbcUrl.indexOf('?');
    return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
  }

  /** A new connection with auto-commit off; the caller closes it. */
  public Connection open() {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    if (!jdbcUrl.contains("connectTimeout=")) {
      props.setProperty("connectTimeout", "10");
    }
    if (!jdbcUrl.contains("socketTimeout=")) {
      props.setProperty("socketTimeout", "60");
    }
    if (!jdbcUrl.contains("loginTimeout=")) {
      // a host that accepts the connection but never answers would hold the login until the
      // socket timeout (over a minute); 10 s is what connecting is given, as Kafka's admin client
      props.setProperty("loginTimeout", "10");
    }
    props.setProperty("ApplicationName", "blueprint");
    try {
      Connection c = DriverManager.getConnection(jdbcUrl, props);
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      throw new TargetException(
          "cannot connect to PostgreSQL at " + safeUrl() + ": " + e.getMessage(), e);
    }
  }
}
