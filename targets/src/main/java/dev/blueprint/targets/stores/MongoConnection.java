package dev.blueprint.targets.stores;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.blueprint.targets.TargetException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * Where the MongoDB server is, and which of the blueprint's options it does not implement and apply
 * is to leave out.
 *
 * @param uri a {@code mongodb://} or {@code mongodb+srv://} connection string; it may carry a user
 *     and password, which {@link #where()} and every message leave out
 * @param without options the server answers "not implemented" to (FerretDB v1 to both, some
 *     MongoDB-compatible services to one); plan notes them, apply creates the objects without them
 */
public record MongoConnection(String uri, Set<MongoConnection.Without> without) {

  /** How long connecting and finding a server may take: a server that is down is one error. */
  static final int TIMEOUT_SECONDS = 10;

  /** An option of the blueprint's MongoDB objects that apply can leave out. */
  public enum Without {
    /** The collections' {@code $jsonSchema} validator, validationLevel and validationAction. */
    VALIDATOR,
    /** The TTL indexes' expireAfterSeconds: the index is created, the documents do not expire. */
    TTL;

    /** As the command line spells it: {@code validator}, {@code ttl}. */
    public String flag() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The option named {@code flag} ({@code validator}, {@code ttl}), or a clear error. */
    public static Without parse(String flag) {
      for (Without w : values()) {
        if (w.flag().equalsIgnoreCase(flag == null ? "" : flag.strip())) {
          return w;
        }
      }
      throw new IllegalArgumentException(
          "unknown MongoDB option to leave out: " + flag + " (known: validator, ttl)");
    }
  }

  public MongoConnection {
    if (uri == null || !(uri.startsWith("mongodb://") || uri.startsWith("mongodb+srv://"))) {
      throw new TargetException(
          "a MongoDB connection string is needed (mongodb://HOST:PORT or mongodb+srv://HOST), got "
              + (uri == null ? "nothing" : redact(uri)));
    }
    try {
      new ConnectionString(uri);
    } catch (IllegalArgumentException e) {
      throw new TargetException(
          "not a valid MongoDB connection string: " + redact(uri) + ": " + e.getMessage(), e);
    }
    without = without == null || without.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(without));
  }

  /** A connection that leaves nothing out. */
  public MongoConnection(String uri) {
    this(uri, Set.of());
  }

  /**
   * The scheme and hosts, e.g. {@code mongodb://db1:27017,db2:27017}: no user, password, database
   * or query (whose options may carry credentials, e.g. authMechanismProperties).
   */
  public String where() {
    ConnectionString cs = new ConnectionString(uri);
    return (cs.isSrvProtocol() ? "mongodb+srv://" : "mongodb://") + String.join(",", cs.getHosts());
  }

  /**
   * A client whose server was found and answered a ping, with connect and server-selection timeouts
   * of 10 s unless the connection string sets them; the caller closes it.
   *
   * @throws TargetException naming the address when no server answers
   */
  public MongoClient open() {
    ConnectionString cs = new ConnectionString(uri);
    MongoClientSettings.Builder settings =
        MongoClientSettings.builder().applyConnectionString(cs).applicationName("blueprint");
    if (cs.getServerSelectionTimeout() == null) {
      settings.applyToClusterSettings(
          b -> b.serverSelectionTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
    if (cs.getConnectTimeout() == null) {
      settings.applyToSocketSettings(b -> b.connectTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
    MongoClient client = MongoClients.create(settings.build());
    try {
      // the driver connects lazily: without a ping, a server that is down would surface at the
      // first real command, in the middle of a plan
      client.getDatabase("admin").runCommand(new BsonDocument("ping", new BsonInt32(1)));
      return client;
    } catch (MongoException e) {
      client.close();
      throw MongoTarget.failure("cannot connect to MongoDB at " + where(), e);
    }
  }

  /** The connection string with any user and password replaced by ***. */
  static String redact(String uri) {
    return uri.replaceFirst("^([A-Za-z0-9+.-]*://)[^@/?#]*@", "$1***@");
  }

  @Override
  public String toString() {
    return "MongoConnection[" + where() + ", without=" + without + "]";
  }
}
